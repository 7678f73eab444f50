import { css, html, nothing } from 'lit';
import type { Availability } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';

/**
 * A button the machine would refuse now (`view.can`, a dry run of `transition()`): disabled, and
 * described by a visible line saying why and what to do, in the agent's language. One line per
 * distinct reason under a group of buttons, so three buttons waiting for the same hang-up say it
 * once; each disabled button points at its line with `aria-describedby`, so a screen reader hears
 * the reason on the button itself.
 */

/** Whether the button for `can` is disabled. */
export function refused(can: Availability): boolean {
  return !can.ok;
}

/** The id of the hint line for refusal `code` inside the group `group`. */
function hintId(group: string, code: string): string {
  return `${group}-why-${code}`;
}

/** `aria-describedby` for a button: its refusal's hint line, or nothing when it is enabled. */
export function whyRefused(group: string, can: Availability): string | typeof nothing {
  return can.ok ? nothing : hintId(group, can.code);
}

/** The hint lines for the refused availabilities among `shown` (the buttons on screen), one per reason. */
export function refusalHints(m: Messages, group: string, shown: readonly Availability[]) {
  const codes = [...new Set(shown.flatMap((can) => (can.ok ? [] : [can.code])))];
  if (codes.length === 0) return nothing;
  return codes.map((code) => html`<p class="refusal-hint" id=${hintId(group, code)} data-testid="refusal-hint" data-code=${code}>${m.refusalHints[code]}</p>`);
}

/** The hint line's look: quiet, small, under the buttons it explains. */
export const refusalHintStyles = css`
  .refusal-hint {
    margin: var(--dt-space-1) 0 0;
    color: var(--dt-text-weak);
    font-size: 0.75rem;
  }
`;
