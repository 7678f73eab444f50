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

/**
 * For a boot that Playwright does not touch until it is over (bench/boot-time.ts): Playwright's
 * `click`, `waitForSelector` and `waitForFunction` evaluate its ~20 ms injected script in the page
 * they poll, and the console and the adapter share one renderer main thread here (both on
 * localhost), so those evaluations landed inside the adapter's boot (docs/benchmarks.md, "Twelfth
 * pass (d)"). In the console page this opens the utility panel the moment the console can (its
 * button has its handler), with a plain click; in the adapter frame it reports the marks on the
 * console once the login form is usable and the frame has painted (or 3 s later), as
 * `bench:panel-marks {json}`, for `page.on('console')`.
 */
export const QUIET_PANEL_SCRIPT = `(() => {
  const started = Date.now();
  if (window === window.top) {
    const open = () => {
      const item = document.querySelector('[data-testid="utility-item"]');
      if (item && item.onclick) { item.click(); return; }
      if (Date.now() - started < 30000) setTimeout(open, 5);
    };
    open();
    return;
  }
  if (location.pathname.includes('/bench-floor/')) return;
  const at = (name) => { const e = performance.getEntriesByName(name)[0]; return e ? e.startTime : NaN; };
  const report = () => {
    const form = at('bench:login-form');
    if (Number.isFinite(form) && (Number.isFinite(at('first-paint')) || Date.now() - started > 3000)) {
      console.debug('bench:panel-marks ' + JSON.stringify({ readyMs: at('dialtone:ready'), firstPaintMs: at('first-paint'), loginFormMs: form }));
      return;
    }
    if (Date.now() - started < 33000) setTimeout(report, 20);
  };
  report();
})();`;
