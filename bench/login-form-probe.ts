/**
 * The panel's paint-to-interactive (issue 15, budget in docs/architecture.md "Budgets"): from the
 * adapter frame's first paint to the login form usable — the app `ready` and the form's first
 * field drawn (it has a layout box), enabled and focusable. An init script in the adapter frame
 * looks for the field every 5 ms (timers, not animation frames: those stop in a hidden panel) and
 * marks `bench:login-form` on the frame's clock the first time it qualifies.
 */

import { FIND_DEEP } from './wire-probe.ts';

/** Runs before the adapter's scripts; only in the adapter frame. */
export const LOGIN_FORM_SCRIPT = `(() => {
  // The adapter is the framed page (served at /softphone/ by the simulator, at / by the emulator).
  if (window === window.top || location.pathname.includes('/bench-floor/')) return;
  const started = Date.now();
  ${FIND_DEEP}
  const usable = (input) => input && input.isConnected && !input.disabled && input.getClientRects().length > 0 && input.tabIndex >= 0;
  const tick = () => {
    if (performance.getEntriesByName('dialtone:ready').length > 0 && usable(find('dialtone-login-form')?.shadowRoot?.querySelector('input'))) {
      performance.mark('bench:login-form');
      return;
    }
    if (Date.now() - started < 30000) setTimeout(tick, 5);
  };
  tick();
})();`;

/** The frame's marks and paint entries a boot report reads (frame clock, ms; NaN when absent). */
export interface PanelMarks {
  readonly readyMs: number;
  readonly firstPaintMs: number;
  readonly loginFormMs: number;
}

/** Paint-to-interactive: first paint → login form usable; NaN when the frame never painted. */
export const paintToInteractive = (m: PanelMarks): number => m.loginFormMs - m.firstPaintMs;

/** Evaluated in the adapter frame. */
export function readPanelMarks(): PanelMarks {
  const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
  return { readyMs: at('dialtone:ready'), firstPaintMs: at('first-paint'), loginFormMs: at('bench:login-form') };
}
