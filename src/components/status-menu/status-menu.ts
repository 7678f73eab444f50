import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hasSession } from '../../call/state.ts';
import type { AgentView } from '../../view/agent-view.ts';
import type { Availability } from '../../view/intent-availability-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { statusMenuMessages } from '../../i18n/status-menu-messages.ts';
import { statusOf } from '../agent-status/status-of.ts';
import { gateHint } from '../health-gate/gate-hint.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { sldsIcon, sldsIconStyles } from '../shared/slds-icon.ts';
import { icon as checkIcon } from '../shared/slds-icons/check.ts';
import { icon as chevronIcon } from '../shared/slds-icons/chevrondown.ts';
import { statusDotStyles } from '../shared/status-dot.styles.ts';
import { statusMenuStyles } from './status-menu.styles.ts';

/** One item of the menu, as drawn: what it does, or why it cannot now. */
interface Item {
  readonly testId: string;
  readonly text: string;
  /** Current status: drawn checked (a radio of its group). */
  readonly checked: boolean;
  /** Why it cannot be chosen now (`''`: it can). */
  readonly blocked: string;
  readonly data?: Readonly<Record<string, string>>;
  readonly run: () => void;
}

let clockFormat: { readonly locale: string; readonly format: Intl.DateTimeFormat } | undefined;

/** `19:04`: when a status began, in the shell's language (the status timer's tooltip). */
function clockTime(at: number, locale: string): string {
  if (clockFormat?.locale !== locale) clockFormat = { locale, format: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }) };
  return clockFormat.format.format(at);
}

/** Why the machine would refuse an item now, in the agent's words (`''`: it would accept it). */
function blockedBy(availability: Availability | undefined, m: Messages): string {
  // Absent = the view's options and its dry run disagree for a moment: let the machine decide on send.
  return availability === undefined || availability.ok ? '' : m.refusalHints[availability.code];
}

/**
 * The header's status menu, as agents know it from the Amazon Connect CCP and RingCentral: one
 * button showing the status (Ready, the break's name, In campaign X, In call…) and how long it has
 * lasted in whole minutes (`<dialtone-elapsed>` redraws itself once a minute; the tooltip says
 * since when), that opens an ARIA
 * menu holding availability (Ready = back to work), the break reasons and the campaigns (enter one,
 * leave it). Keyboard as the WAI-ARIA menu button pattern: Enter, Space or ↓ open it on the
 * first item that can be chosen, ↑ on the last; ↑ ↓ Home End move; Enter or Space choose; Escape and
 * Tab close it; the focus goes back to the button after a choice or Escape.
 *
 * Whether an item may be chosen, and the hint when not, come from the dry run of the machine
 * (`view.can`, src/app/intent-availability.ts: nothing while a change is pending, not the current
 * one again); back to work is also held by the health gate. The items stay in the DOM while the menu is closed, so the Alt+Shift+R hotkey can
 * press "take a break" (the first break reason) as it presses any other button (panel-keys.ts).
 */
@customElement('dialtone-status-menu')
export class StatusMenu extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'can', 'options', 'health'];
  static override styles = [sldsTokens, sldsIconStyles, statusDotStyles, statusMenuStyles];

  @state() private open = false;
  /** Where the focus goes once the menu is drawn open: the first or the last item. */
  private focusOnOpen: 'first' | 'last' | null = null;

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m) return nothing;
    const agent = view.agent;
    const status = statusOf(agent, view.options, m);
    const pill = html`<span class="pill ${status.key}" data-testid="status" data-status=${status.key}><span class="dot" aria-hidden="true"></span>${status.text}</span>`;
    // Announced when it changes: the button's name is only read when the agent goes to it.
    const live = html`<span class="visually-hidden" role="status" aria-label=${m.statusLabel}>${status.text}</span>`;
    if (!hasSession(agent) || agent.phase === 'loggingOut') return html`${pill}${live}`;
    const t = statusMenuMessages(m.attendant.locale);
    const groups = this.groups(view, m).filter((g) => g.items.length > 0);
    return html`
      <button class="trigger ${status.key}" data-testid="status-menu" aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="status-menu-list"
        title=${t.changeStatus} @click=${this.toggle} @keydown=${this.onTriggerKey}>
        <span class="visually-hidden">${m.statusLabel}:</span> ${pill}
        <span class="trail"
          >${status.since === null
            ? nothing
            : html`<dialtone-elapsed class="timer" data-testid="status-timer" title=${t.inStatusSince(clockTime(status.since, m.attendant.locale))} resolution="minute" .minutes=${t.minutesInStatus} .since=${status.since} .label=${m.statusTimer}></dialtone-elapsed>`}
          ${sldsIcon(chevronIcon, 'chevron')}</span
        >
      </button>
      ${live}
      <div class="menu" role="menu" id="status-menu-list" aria-label=${t.changeStatus} ?hidden=${!this.open} @keydown=${this.onMenuKey} @focusout=${this.onFocusOut}>
        ${groups.map(
          (g, index) => html`
            ${index > 0 ? html`<div role="separator" class="separator"></div>` : nothing}
            <div role="group" aria-labelledby=${`group-${g.id}`}>
              <div role="none" class="group-title" id=${`group-${g.id}`}>${g.title}</div>
              ${g.items.map((item) => this.renderItem(item, g.radio, t.current))}
            </div>
          `,
        )}
      </div>
    `;
  }

  private renderItem(item: Item, radio: boolean, current: string) {
    const data = item.data ?? {};
    return html`<button
      role=${radio ? 'menuitemradio' : 'menuitem'}
      tabindex="-1"
      class="item"
      data-testid=${item.testId}
      data-break=${data.break ?? nothing}
      data-campaign=${data.campaign ?? nothing}
      aria-checked=${radio ? (item.checked ? 'true' : 'false') : nothing}
      aria-disabled=${item.blocked === '' ? 'false' : 'true'}
      aria-description=${item.blocked === '' || item.checked ? nothing : item.blocked}
      title=${item.blocked === '' || item.checked ? nothing : item.blocked}
      @click=${() => this.choose(item)}
    >
      <span class="mark">${item.checked ? sldsIcon(checkIcon) : nothing}</span><span class="text">${item.text}</span>${item.checked ? html`<span class="visually-hidden">(${current})</span>` : nothing}
    </button>`;
  }

  /** The menu's groups for this state (a group without items is not drawn). */
  private groups(view: AgentView, m: Messages): { id: string; title: string; radio: boolean; items: Item[] }[] {
    const t = statusMenuMessages(m.attendant.locale);
    const agent = view.agent;
    if (!hasSession(agent)) return [];
    const { availability, campaign } = agent.session;
    const can = view.can;
    const onBreak = availability.kind === 'onBreak' || availability.kind === 'unpausing' ? availability.subtype : null;
    const inCampaign = campaign.kind === 'in' || campaign.kind === 'leaving' ? campaign.id : null;
    const gate = gateHint(view, m);
    const ready: Item = {
      testId: 'status-ready',
      text: m.statusReady,
      checked: availability.kind === 'available',
      // The machine says whether back to work is possible now; the health gate may still hold it (an app rule).
      blocked: blockedBy(can.intents.unpause, m) || (gate ?? ''),
      run: () => this.send({ kind: 'unpause' }),
    };
    // A break or a campaign: checked when current, choosable when the machine would take it.
    const choice = (testId: string, o: { id: number; name: string }, current: number | null, answer: Availability | undefined, data: Record<string, string>, run: () => void): Item => ({
      testId,
      text: o.name,
      checked: current === o.id,
      blocked: blockedBy(answer, m),
      data,
      run,
    });
    const breaks = view.options.breakTypes.map((b) => choice('pause', b, onBreak, can.pause[b.id], { break: String(b.id) }, () => this.send({ kind: 'pause', subtype: b.id })));
    const campaigns = view.options.campaigns.map((c) =>
      choice('join-campaign', c, inCampaign, can.enterCampaign[c.id], { campaign: String(c.id) }, () => this.send({ kind: 'enterCampaign', campaign: c.id })),
    );
    const leave: Item[] =
      inCampaign === null
        ? []
        : [{ testId: 'leave-campaign', text: m.campaignLeave, checked: false, blocked: blockedBy(can.intents.leaveCampaign, m), run: () => this.send({ kind: 'leaveCampaign' }) }];
    return [
      { id: 'availability', title: t.availability, radio: true, items: view.options.breakTypes.length > 0 ? [ready] : [] },
      { id: 'breaks', title: t.breaks, radio: true, items: breaks },
      { id: 'campaigns', title: t.campaigns, radio: true, items: campaigns },
      { id: 'campaign-leave', title: m.campaignTitle, radio: false, items: leave },
    ];
  }

  private choose(item: Item): void {
    // A disabled item stays focusable (ARIA menus keep it in the arrow-key order) but does nothing.
    if (item.blocked !== '') return;
    item.run();
    // A hotkey presses an item of the closed menu: the focus stays where the agent is.
    if (this.open) this.close();
  }

  private readonly toggle = (): void => {
    if (this.open) this.close();
    else this.show('first');
  };

  private show(where: 'first' | 'last'): void {
    this.focusOnOpen = where;
    this.open = true;
  }

  /** Closes the menu; the focus goes back to the status button unless it moved on elsewhere. */
  private close(refocus = true): void {
    this.open = false;
    if (refocus) this.trigger()?.focus();
  }

  private trigger(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[data-testid="status-menu"]');
  }

  private items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.menu .item')];
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Logged out, or the session ended while it was open: nothing left to choose.
    if (this.open && this.trigger() === null) this.open = false;
    if (!this.open || this.focusOnOpen === null) return;
    const items = this.items();
    // The current status is never a choice (it is checked and disabled): open on the first that is.
    const target = this.focusOnOpen === 'last' ? items.at(-1) : (items.find((i) => i.getAttribute('aria-disabled') !== 'true') ?? items[0]);
    this.focusOnOpen = null;
    target?.focus();
  }

  private readonly onTriggerKey = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    } else if (event.key === 'Escape' && this.open) {
      event.preventDefault();
      this.close();
    }
  };

  private readonly onMenuKey = (event: KeyboardEvent): void => {
    const items = this.items();
    const at = items.indexOf(event.target as HTMLElement);
    const move = (index: number): void => {
      event.preventDefault();
      items[(index + items.length) % items.length]?.focus();
    };
    const targets: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 };
    const target = targets[event.key];
    if (target !== undefined) move(target);
    else if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    } else if (event.key === 'Tab') {
      // The focus moves on by itself; only the menu closes.
      this.close(false);
    }
  };

  /** The focus left the menu for something else (a click elsewhere, another frame): close it. */
  private readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget;
    if (next instanceof Node && (this.renderRoot.contains(next) || next === this)) return;
    if (this.open) this.close(false);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-status-menu': StatusMenu;
  }
}
