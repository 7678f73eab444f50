import { html, nothing } from 'lit';
import { earliestCallbackInput } from '../../crm/callback-time.ts';
import { agentTimeOf, earliestInZone } from '../../crm/customer-zone.ts';
import type { Availability } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { browserTimeZone } from '../../shared/wall-time.ts';
import { refused, whyRefused } from '../shared/refusal-hint.ts';
import { sldsIcon } from '../shared/slds-icon.ts';
import { icon as chevronIcon } from '../shared/slds-icons/chevrondown.ts';
import { errorText, type CallbackError } from './wrap-up-text.ts';

/** What the agent typed in the callback sub-form. */
export interface CallbackDraft {
  readonly date: string;
  readonly time: string;
  readonly phone: string;
  readonly mine: boolean;
}

/** What {@link callbackFields} draws from. */
export interface CallbackFieldsInput {
  readonly m: Messages;
  /** The machine's answer to scheduling now (`view.can`). */
  readonly can: Availability;
  readonly open: boolean;
  readonly now: number;
  /** The customer's zone when known (seed 004 / issue 17): the time is typed in it. */
  readonly zone: { readonly zone: string; readonly source: 'record' | 'number' } | null;
  /** Callbacks booked separately (`callbackBooking: 'separate'`) are always the agent's: no "call back myself" choice. */
  readonly alwaysMine: boolean;
  readonly draft: CallbackDraft;
  readonly error: CallbackError | null;
  readonly toggle: () => void;
  readonly edit: (change: Partial<CallbackDraft>) => void;
}

/**
 * The "Schedule a callback" disclosure (a quiet SLDS base button with a chevron, `aria-expanded`)
 * and the sub-form it opens, part of the wrap-up form: date and time side by side, the number, "call back
 * myself", the refusal under them. It has no submit button of its
 * own: the wrap-up's Save schedules while it is open.
 */
export function callbackFields(input: CallbackFieldsInput) {
  const { m, can, open, draft, error, zone } = input;
  const now = new Date(input.now);
  const earliest = zone === null ? earliestCallbackInput(now) : earliestInZone(now, zone.zone);
  const agentTime = zone === null ? null : agentTimeOf(draft.date, draft.time, zone.zone, browserTimeZone());
  const invalid = (field: CallbackError[]) => (error !== null && field.includes(error) ? 'true' : 'false');
  const described = (field: CallbackError[]) => (error !== null && field.includes(error) ? 'callback-error' : nothing);
  return html`
    <button
      type="button"
      class="disclosure"
      data-testid="schedule-toggle"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="callback"
      ?disabled=${refused(can)}
      aria-describedby=${whyRefused('wrap', can)}
      @click=${input.toggle}
    >
      ${sldsIcon(chevronIcon, 'chevron')} ${m.scheduleCallback}
    </button>
    <fieldset id="callback" class="callback" ?hidden=${!open}>
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
            .value=${draft.date}
            aria-invalid=${invalid(['missingDate', 'malformed', 'past'])}
            aria-describedby=${described(['missingDate', 'malformed', 'past'])}
            @input=${(e: Event) => input.edit({ date: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for="callback-time">${m.callbackTime}</label>
          <input
            id="callback-time"
            type="time"
            data-testid="callback-time"
            required
            min=${draft.date === earliest.date ? earliest.time : nothing}
            .value=${draft.time}
            aria-invalid=${invalid(['missingTime'])}
            aria-describedby=${described(['missingTime'])}
            @input=${(e: Event) => input.edit({ time: (e.target as HTMLInputElement).value })}
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
        <input id="callback-phone" type="tel" autocomplete="off" data-testid="callback-phone" .value=${draft.phone} @input=${(e: Event) => input.edit({ phone: (e.target as HTMLInputElement).value })} />
      </div>
      ${input.alwaysMine
        ? nothing
        : html`<div class="check">
            <input id="callback-mine" type="checkbox" data-testid="callback-mine" .checked=${draft.mine} @change=${(e: Event) => input.edit({ mine: (e.target as HTMLInputElement).checked })} />
            <label for="callback-mine">${m.callbackMine}</label>
          </div>`}
      ${input.alwaysMine ? html`<p class="help" data-testid="callback-always-mine">${m.callbackAlwaysMine}</p>` : nothing}
      ${error === null ? nothing : html`<p id="callback-error" class="error" role="alert" data-testid="callback-error">${errorText(m, error, earliest)}</p>`}
    </fieldset>
  `;
}
