import { whenIdle } from '../../shared/when-idle.ts';

/**
 * Moves the focus to `target` when the agent's focus was lost because the control they used went
 * away (Answer once answered, Hang up once the call ended): keyboard users land on the next thing
 * to do instead of the top of the page. Does nothing while the softphone does not have the focus,
 * so it never pulls the agent away from what they are typing elsewhere.
 *
 * It runs once the frame that drew `target` is painted and the main thread is idle (`whenIdle`):
 * focusing inside `firstUpdated` forced a synchronous layout on the call path (the largest self
 * time of an auto-answered call's profile), and focusing in the next animation frame still
 * computed that frame's style early (docs/benchmarks.md, "Ninth pass").
 */
export function focusIfLost(target: HTMLElement | null | undefined): void {
  if (!target) return;
  whenIdle(() => {
    const doc = target.ownerDocument;
    if (!target.isConnected || !doc.hasFocus()) return;
    const active = doc.activeElement;
    if (active === null || active === doc.body) target.focus();
  });
}
