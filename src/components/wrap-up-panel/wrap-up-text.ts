import { nothing } from 'lit';
import type { Category } from '../../config/config-types.ts';
import type { CallbackTimeProblem } from '../../crm/callback-time.ts';
import type { Availability } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';
import { whyRefused } from '../shared/refusal-hint.ts';

/** What stops a callback from being sent, as the panel shows it next to the field at fault. */
export type CallbackError = CallbackTimeProblem | 'needsDisposition';

/** `aria-describedby` of Release and Available: the health gate's hint and/or the machine's reason. */
export function describedBy(gate: string | null, can: Availability): string | typeof nothing {
  const why = whyRefused('wrap', can);
  const ids = [gate === null ? null : 'gate-hint', why === nothing ? null : why].filter((id) => id !== null);
  return ids.length === 0 ? nothing : ids.join(' ');
}

/** The message for a refused callback. */
export function errorText(m: Messages, error: CallbackError, earliest: { date: string; time: string }): string {
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
export function subcategoryName(categories: readonly Category[], id: number): string {
  for (const category of categories) {
    const found = category.subcategories.find((s) => s.id === id);
    if (found) return found.name;
  }
  return String(id);
}
