import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { checkCallbackTime } from '../../crm/callback-time.ts';
import { checkCustomerCallback } from '../../crm/customer-zone.ts';
import { browserTimeZone } from '../../shared/wall-time.ts';
import type { Messages } from '../../i18n/index.ts';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { gateHint } from '../health-gate/gate-hint.ts';
import { ClockController, formatDuration } from '../shared/clock-controller.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { sldsIcon, sldsIconStyles } from '../shared/slds-icon.ts';
import { icon as playIcon } from '../shared/slds-icons/play.ts';
import { icon as successIcon } from '../shared/slds-icons/success.ts';
import { focusIfLost } from '../shared/focus.ts';
import { refusalHints, refusalHintStyles, refused, whyRefused } from '../shared/refusal-hint.ts';
import { callbackFields, type CallbackDraft } from './callback-fields.ts';
import { describedBy, subcategoryName, type CallbackError } from './wrap-up-text.ts';
import { wrapUpPanelStyles } from './wrap-up-panel.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** Seconds at which screen readers hear the countdown again (besides its first value). */
const ANNOUNCE_MARKS = [10, 30, 60, 120, 300, 600, 1800, 3600] as const;

/**
 * After the call (docs/wrap-up.md), one compact form that fits the 340×560 utility panel without
 * scrolling: the disposition — one select, sub-categories grouped by category in `<optgroup>`s,
 * so a keyboard or screen-reader user picks category and sub-category in one control — when the
 * call center asks for one; a callback sub-form (date and time on one row, number, "call back
 * myself") for a delivered contact, opened by a disclosure; one Save that categorises, or
 * schedules when the sub-form is open; releasing the contact uncategorised when allowed; the
 * countdown to the automatic release; and "Available again" to take the next call.
 *
 * Keyboard: Enter in any field (the select included) saves when the form is valid; Escape in the
 * sub-form closes it and puts the focus back on its toggle. Once a save lands, the shell's
 * FocusKeeper (softphone-shell/focus-keeper.ts) puts the focus on "Available again", the next step.
 */
@customElement('dialtone-wrap-up-panel')
export class WrapUpPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'can', 'options', 'record', 'health'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, refusalHintStyles, wrapUpPanelStyles];

  private readonly clock = new ClockController(this);
  @state() private chosen = '';
  @state() private scheduling = false;
  @state() private draft: CallbackDraft = { date: '', time: '', phone: '', mine: true };
  @state() private callbackError: CallbackError | null = null;
  /** The call these choices belong to (its start), so the next wrap-up starts clean. */
  private callKey: number | null = null;
  /** Whole seconds left when this deadline was first drawn: the first thing screen readers hear. */
  private firstAnnounced: { deadline: number; seconds: number } | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const agent = this.view?.agent;
    if (agent?.phase !== 'wrapUp' || agent.call.startedAt === this.callKey) return;
    this.callKey = agent.call.startedAt;
    this.chosen = '';
    this.scheduling = false;
    this.draft = { date: '', time: '', phone: agent.call.contact?.phone ?? agent.call.number ?? '', mine: true };
    this.callbackError = null;
  }

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m || view.agent.phase !== 'wrapUp') return nothing;
    const { call, step, releaseDeadline } = view.agent;
    const { options } = view;
    const can = view.can.intents;
    const gate = gateHint(view, m);
    const saved = call.disposition ? subcategoryName(options.categories, call.disposition.subcategory) : null;
    const categorising = options.allowCategorization && options.categories.length > 0;
    const schedulable = categorising && call.contact !== null;
    const releasable = options.allowContactRelease && call.contact !== null;
    const scheduling = schedulable && this.scheduling;
    const saveCan = scheduling ? can.scheduleCallback : can.categorise;
    // The buttons on screen, for the lines that say why one is disabled (one per reason).
    const shown = [...(categorising ? [can.categorise, ...(schedulable ? [can.scheduleCallback] : [])] : []), ...(releasable ? [can.releaseContact] : []), can.available];
    const needsDisposition = this.callbackError === 'needsDisposition';
    return html`
      <section class="card" aria-labelledby="title" data-testid="wrap-up">
        <h2 id="title">${m.wrapUpTitle}</h2>
        ${releaseDeadline === null ? nothing : this.renderCountdown(m, releaseDeadline)}
        <form class="form" novalidate @submit=${this.save} @keydown=${this.onKey}>
          ${categorising
            ? html`<div class="field">
                <label for="disposition">${m.disposition}</label>
                <select
                  id="disposition"
                  data-testid="disposition-select"
                  ?disabled=${refused(can.categorise)}
                  aria-describedby=${needsDisposition ? 'callback-error' : whyRefused('wrap', can.categorise)}
                  aria-invalid=${needsDisposition ? 'true' : 'false'}
                  @change=${(e: Event) => {
                    this.chosen = (e.target as HTMLSelectElement).value;
                    if (needsDisposition) this.callbackError = null;
                  }}
                >
                  <option value="" ?selected=${this.chosen === ''}>${m.chooseDisposition}</option>
                  ${options.categories.map(
                    (category) => html`<optgroup label=${category.name}>
                      ${category.subcategories.map((s) => html`<option value=${String(s.id)} ?selected=${this.chosen === String(s.id)}>${s.name}</option>`)}
                    </optgroup>`,
                  )}
                </select>
              </div>`
            : nothing}
          ${categorising && call.contact === null ? html`<p class="help" data-testid="callback-unavailable">${m.callbackNeedsContact}</p>` : nothing}
          ${schedulable ? this.renderCallback(m) : nothing}
          ${saved === null ? nothing : html`<p class="saved" data-testid="disposition-saved">${sldsIcon(successIcon)} ${m.dispositionSaved(saved)}</p>`}
          ${!categorising && !releasable
            ? nothing
            : html`<div class="actions">
            ${categorising
              ? html`<button
                  type="submit"
                  data-testid=${scheduling ? 'schedule-callback' : 'categorise'}
                  ?disabled=${refused(saveCan) || (!scheduling && this.chosen === '')}
                  aria-describedby=${whyRefused('wrap', saveCan)}
                >
                  ${scheduling ? m.callbackSubmit : m.saveDisposition}
                </button>`
              : nothing}
            ${releasable
              ? html`<button type="button" data-testid="release-contact" ?disabled=${refused(can.releaseContact) || gate !== null} aria-describedby=${describedBy(gate, can.releaseContact)} @click=${() => this.send({ kind: 'releaseContact' })}>
                  ${m.releaseContact}
                </button>`
              : nothing}
          </div>`}
          <button type="button" class="brand wide" data-testid="available" ?disabled=${refused(can.available) || gate !== null} aria-describedby=${describedBy(gate, can.available)} @click=${() => this.send({ kind: 'available' })}>
            ${sldsIcon(playIcon)} ${m.available}
          </button>
        </form>
        ${gate === null ? nothing : html`<p class="error" id="gate-hint" data-testid="gate-hint">${gate}</p>`}
        ${refusalHints(m, 'wrap', shown)}
        ${step === 'open' ? nothing : html`<p class="pending" role="status">${m.wrapUpBusy}</p>`}
      </section>
    `;
  }

  /**
   * The visible countdown ticks every second but is not a live region; a visually hidden status
   * says the time left only at its first value and at a few marks (60, 30, 10 s…), so a screen
   * reader is told in time without being interrupted every second.
   */
  private renderCountdown(m: Messages, deadline: number) {
    const left = Math.max(0, Math.ceil((deadline - this.clock.now) / 1000));
    if (this.firstAnnounced?.deadline !== deadline) this.firstAnnounced = { deadline, seconds: left };
    const mark = ANNOUNCE_MARKS.find((s) => left <= s) ?? left;
    const announced = Math.min(this.firstAnnounced.seconds, mark);
    return html`<p class="countdown" data-testid="release-countdown">${m.autoReleaseIn(formatDuration(deadline - this.clock.now))}</p>
      <p class="visually-hidden" role="status" data-testid="release-announcement">${m.autoReleaseSeconds(announced)}</p>`;
  }

  /** The disclosure and the callback sub-form (only for a delivered contact: NeoApi needs its contact base/contact id). */
  private renderCallback(m: Messages) {
    const view = this.view;
    if (view?.agent.phase !== 'wrapUp') return nothing;
    return callbackFields({
      m,
      can: view.can.intents.scheduleCallback,
      open: this.scheduling,
      now: this.clock.now,
      zone: view.record?.customerZone ?? null,
      alwaysMine: view.options.callbackBooking === 'separate',
      draft: this.draft,
      error: this.callbackError,
      toggle: () => void this.toggleScheduling(),
      edit: (change) => {
        this.draft = { ...this.draft, ...change };
        // Editing the time or date clears its refusal; the number and "myself" never cause one.
        if ((change.date !== undefined || change.time !== undefined) && this.callbackError !== null && this.callbackError !== 'needsDisposition') this.callbackError = null;
      },
    });
  }

  protected override firstUpdated(): void {
    // Hang up is gone with the call: "Available again" is the agent's next step.
    focusIfLost(this.renderRoot.querySelector<HTMLElement>('[data-testid=available]'));
  }

  private readonly toggleScheduling = async (): Promise<void> => {
    this.scheduling = !this.scheduling;
    if (!this.scheduling) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#callback-date')?.focus();
  };

  /** Enter on the select saves (fields save by the form's own implicit submission); Escape closes the sub-form. */
  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLSelectElement) {
      event.preventDefault();
      const save = this.renderRoot.querySelector<HTMLButtonElement>('.actions button[type=submit]');
      if (save && !save.disabled) (target.form ?? null)?.requestSubmit(save);
    } else if (event.key === 'Escape' && this.scheduling && target.closest('#callback, [data-testid=schedule-toggle]') !== null) {
      event.preventDefault();
      this.scheduling = false;
      this.renderRoot.querySelector<HTMLElement>('[data-testid=schedule-toggle]')?.focus();
    }
  };

  /** Save: the callback when its sub-form is open (checked first, refusals next to the field), else the disposition. */
  private readonly save = async (event: Event): Promise<void> => {
    event.preventDefault();
    const view = this.view;
    if (view?.agent.phase !== 'wrapUp') return;
    const scheduling = this.scheduling && view.agent.call.contact !== null;
    if (!scheduling) {
      if (this.chosen === '' || refused(view.can.intents.categorise)) return;
      this.send({ kind: 'categorise', subcategory: Number(this.chosen) });
      return;
    }
    const zone = view.record?.customerZone ?? null;
    const now = new Date(this.clock.now);
    const { date, time, phone } = this.draft;
    const checked = zone === null ? checkCallbackTime(date, time, now) : checkCustomerCallback(date, time, now, zone.zone, browserTimeZone());
    if (this.chosen === '') this.callbackError = 'needsDisposition';
    else if (!checked.ok) this.callbackError = checked.problem;
    else {
      this.callbackError = null;
      const mine = view.options.callbackBooking === 'separate' ? true : this.draft.mine;
      this.send({ kind: 'scheduleCallback', subcategory: Number(this.chosen), when: checked.when, phone: phone.trim(), mine });
      return;
    }
    await this.updateComplete;
    const target = this.callbackError === 'needsDisposition' ? '#disposition' : this.callbackError === 'missingTime' ? '#callback-time' : '#callback-date';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-wrap-up-panel': WrapUpPanel;
  }
}
