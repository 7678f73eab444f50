import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Category } from '../../config/config-types.ts';
import { checkCallbackTime, earliestCallbackInput, type CallbackTimeProblem } from '../../crm/callback-time.ts';
import { agentTimeOf, checkCustomerCallback, earliestInZone } from '../../crm/customer-zone.ts';
import { browserTimeZone } from '../../shared/wall-time.ts';
import type { Availability } from '../../view/agent-view.ts';
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
import { wrapUpPanelStyles } from './wrap-up-panel.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** What stops a callback from being sent, as the panel shows it next to the field at fault. */
type CallbackError = CallbackTimeProblem | 'needsDisposition';

/** Seconds at which screen readers hear the countdown again (besides its first value). */
const ANNOUNCE_MARKS = [10, 30, 60, 120, 300, 600, 1800, 3600] as const;

/**
 * After the call (docs/wrap-up.md): the disposition — one select, sub-categories grouped by
 * category in `<optgroup>`s, so a keyboard or screen-reader user picks category and sub-category
 * in one control — when the call center asks for one; a callback (date, time, number, "call back
 * myself") for a delivered contact; releasing the contact uncategorised when allowed; the
 * countdown to the automatic release; and "Available again" to take the next call.
 */
@customElement('dialtone-wrap-up-panel')
export class WrapUpPanel extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'can', 'options', 'record', 'health'];
  static override styles = [sldsTokens, controlStyles, sldsIconStyles, refusalHintStyles, wrapUpPanelStyles];

  private readonly clock = new ClockController(this);
  @state() private chosen = '';
  @state() private scheduling = false;
  @state() private date = '';
  @state() private time = '';
  @state() private phone = '';
  @state() private mine = true;
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
    this.date = '';
    this.time = '';
    this.phone = agent.call.contact?.phone ?? agent.call.number ?? '';
    this.mine = true;
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
    const releasable = options.allowContactRelease && call.contact !== null;
    // The buttons on screen, for the lines that say why one is disabled (one per reason).
    const shown = [
      ...(categorising ? [can.categorise, ...(call.contact === null ? [] : [can.scheduleCallback])] : []),
      ...(releasable ? [can.releaseContact] : []),
      can.available,
    ];
    return html`
      <section class="card" aria-labelledby="title" data-testid="wrap-up">
        <h2 id="title">${m.wrapUpTitle}</h2>
        ${releaseDeadline === null ? nothing : this.renderCountdown(m, releaseDeadline)}
        ${categorising
          ? html`<div class="row">
              <div class="field">
                <label for="disposition">${m.disposition}</label>
                <select
                  id="disposition"
                  data-testid="disposition-select"
                  ?disabled=${refused(can.categorise)}
                  aria-describedby=${this.callbackError === 'needsDisposition' ? 'callback-error' : whyRefused('wrap', can.categorise)}
                  aria-invalid=${this.callbackError === 'needsDisposition' ? 'true' : 'false'}
                  @change=${(e: Event) => {
                    this.chosen = (e.target as HTMLSelectElement).value;
                    if (this.callbackError === 'needsDisposition') this.callbackError = null;
                  }}
                >
                  <option value="" ?selected=${this.chosen === ''}>${m.chooseDisposition}</option>
                  ${options.categories.map(
                    (category) => html`<optgroup label=${category.name}>
                      ${category.subcategories.map((s) => html`<option value=${String(s.id)} ?selected=${this.chosen === String(s.id)}>${s.name}</option>`)}
                    </optgroup>`,
                  )}
                </select>
              </div>
              <button data-testid="categorise" ?disabled=${refused(can.categorise) || this.chosen === ''} aria-describedby=${whyRefused('wrap', can.categorise)} @click=${this.categorise}>${m.saveDisposition}</button>
            </div>`
          : nothing}
        ${saved === null ? nothing : html`<p class="saved" data-testid="disposition-saved">${sldsIcon(successIcon)} ${m.dispositionSaved(saved)}</p>`}
        ${categorising ? this.renderCallback(m, can.scheduleCallback) : nothing}
        ${releasable
          ? html`<button class="wide" data-testid="release-contact" ?disabled=${refused(can.releaseContact) || gate !== null} aria-describedby=${describedBy(gate, can.releaseContact)} @click=${() => this.send({ kind: 'releaseContact' })}>
              ${m.releaseContact}
            </button>`
          : nothing}
        <button class="brand wide" data-testid="available" ?disabled=${refused(can.available) || gate !== null} aria-describedby=${describedBy(gate, can.available)} @click=${() => this.send({ kind: 'available' })}>${sldsIcon(playIcon)} ${m.available}</button>
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

  /** Scheduling: only for a delivered contact (NeoApi needs its contact base/contact id). */
  private renderCallback(m: Messages, can: Availability) {
    const view = this.view;
    if (view?.agent.phase !== 'wrapUp') return nothing;
    if (view.agent.call.contact === null) return html`<p class="help" data-testid="callback-unavailable">${m.callbackNeedsContact}</p>`;
    // Seed 004 / issue 17: the time is typed in the customer's zone when it is known.
    const zone = view.record?.customerZone ?? null;
    const earliest = zone === null ? earliestCallbackInput(new Date(this.clock.now)) : earliestInZone(new Date(this.clock.now), zone.zone);
    const agentTime = zone === null ? null : agentTimeOf(this.date, this.time, zone.zone, browserTimeZone());
    const error = this.callbackError;
    const invalid = (field: CallbackError[]) => (error !== null && field.includes(error) ? 'true' : 'false');
    const described = (field: CallbackError[]) => (error !== null && field.includes(error) ? 'callback-error' : nothing);
    const alwaysMine = view.options.callbackBooking === 'separate';
    return html`
      <button
        class="wide"
        data-testid="schedule-toggle"
        aria-expanded=${this.scheduling ? 'true' : 'false'}
        aria-controls="callback"
        ?disabled=${refused(can)}
        aria-describedby=${whyRefused('wrap', can)}
        @click=${this.toggleScheduling}
      >
        ${m.scheduleCallback}
      </button>
      <form id="callback" class="callback" ?hidden=${!this.scheduling} novalidate @submit=${this.schedule}>
        <fieldset>
          <legend class="visually-hidden">${m.scheduleCallback}</legend>
          <div class="row">
            <div class="field">
              <label for="callback-date">${m.callbackDate}</label>
              <input
                id="callback-date"
                type="date"
                data-testid="callback-date"
                required
                min=${earliest.date}
                .value=${this.date}
                aria-invalid=${invalid(['missingDate', 'malformed', 'past'])}
                aria-describedby=${described(['missingDate', 'malformed', 'past'])}
                @input=${(e: Event) => this.edit(() => (this.date = (e.target as HTMLInputElement).value))}
              />
            </div>
            <div class="field">
              <label for="callback-time">${m.callbackTime}</label>
              <input
                id="callback-time"
                type="time"
                data-testid="callback-time"
                required
                min=${this.date === earliest.date ? earliest.time : nothing}
                .value=${this.time}
                aria-invalid=${invalid(['missingTime'])}
                aria-describedby=${described(['missingTime'])}
                @input=${(e: Event) => this.edit(() => (this.time = (e.target as HTMLInputElement).value))}
              />
            </div>
          </div>
          ${zone === null
            ? nothing
            : html`<p class="help" data-testid="callback-zone" data-zone=${zone.zone}>
                  ${m.connector.customerTime(zone.zone)} · ${zone.source === 'record' ? m.connector.zoneFromRecord : m.connector.zoneFromNumber}
                </p>
                <p class="help" data-testid="callback-agent-time" aria-live="polite">${agentTime === null ? nothing : m.connector.agentTime(agentTime)}</p>`}
          <div class="field">
            <label for="callback-phone">${m.callbackPhone}</label>
            <input
              id="callback-phone"
              type="tel"
              autocomplete="off"
              data-testid="callback-phone"
              .value=${this.phone}
              @input=${(e: Event) => (this.phone = (e.target as HTMLInputElement).value)}
            />
          </div>
          ${alwaysMine
            ? html`<p class="help" data-testid="callback-always-mine">${m.callbackAlwaysMine}</p>`
            : html`<div class="check">
                <input id="callback-mine" type="checkbox" data-testid="callback-mine" .checked=${this.mine} @change=${(e: Event) => (this.mine = (e.target as HTMLInputElement).checked)} />
                <label for="callback-mine">${m.callbackMine}</label>
              </div>`}
          ${error === null ? nothing : html`<p id="callback-error" class="error" role="alert" data-testid="callback-error">${errorText(m, error, earliest)}</p>`}
          <button type="submit" class="brand wide" data-testid="schedule-callback" ?disabled=${refused(can)} aria-describedby=${whyRefused('wrap', can)}>${m.callbackSubmit}</button>
        </fieldset>
      </form>
    `;
  }

  protected override firstUpdated(): void {
    // Hang up is gone with the call: "Available again" is the agent's next step.
    focusIfLost(this.renderRoot.querySelector<HTMLElement>('[data-testid=available]'));
  }

  private edit(change: () => void): void {
    change();
    if (this.callbackError !== null && this.callbackError !== 'needsDisposition') this.callbackError = null;
  }

  private readonly toggleScheduling = async (): Promise<void> => {
    this.scheduling = !this.scheduling;
    if (!this.scheduling) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#callback-date')?.focus();
  };

  private readonly categorise = (): void => {
    if (this.chosen !== '') this.send({ kind: 'categorise', subcategory: Number(this.chosen) });
  };

  private readonly schedule = async (event: Event): Promise<void> => {
    event.preventDefault();
    const zone = this.view?.record?.customerZone ?? null;
    const now = new Date(this.clock.now);
    const checked = zone === null ? checkCallbackTime(this.date, this.time, now) : checkCustomerCallback(this.date, this.time, now, zone.zone, browserTimeZone());
    if (this.chosen === '') this.callbackError = 'needsDisposition';
    else if (!checked.ok) this.callbackError = checked.problem;
    else {
      this.callbackError = null;
      const mine = this.view?.options.callbackBooking === 'separate' ? true : this.mine;
      this.send({ kind: 'scheduleCallback', subcategory: Number(this.chosen), when: checked.when, phone: this.phone.trim(), mine });
      return;
    }
    await this.updateComplete;
    const target = this.callbackError === 'needsDisposition' ? '#disposition' : this.callbackError === 'missingTime' ? '#callback-time' : '#callback-date';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  };
}

/** `aria-describedby` of Release and Available: the health gate's hint and/or the machine's reason. */
function describedBy(gate: string | null, can: Availability): string | typeof nothing {
  const why = whyRefused('wrap', can);
  const ids = [gate === null ? null : 'gate-hint', why === nothing ? null : why].filter((id) => id !== null);
  return ids.length === 0 ? nothing : ids.join(' ');
}

/** The message for a refused callback. */
function errorText(m: Messages, error: CallbackError, earliest: { date: string; time: string }): string {
  switch (error) {
    case 'needsDisposition':
      return m.callbackNeedsDisposition;
    case 'missingDate':
      return m.callbackMissingDate;
    case 'missingTime':
      return m.callbackMissingTime;
    case 'malformed':
      return m.callbackMalformed;
    case 'past':
      return m.callbackPast(`${earliest.date} ${earliest.time}`);
  }
}

/** The name of a configured sub-category, or its id when the configuration no longer lists it. */
function subcategoryName(categories: readonly Category[], id: number): string {
  for (const category of categories) {
    const found = category.subcategories.find((s) => s.id === id);
    if (found) return found.name;
  }
  return String(id);
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-wrap-up-panel': WrapUpPanel;
  }
}
