/**
 * Moves the focus to `target` when the agent's focus was lost because the control they used went
 * away (Answer once answered, Hang up once the call ended): keyboard users land on the next thing
 * to do instead of the top of the page. Does nothing while the softphone does not have the focus,
 * so it never pulls the agent away from what they are typing elsewhere.
 *
 * It runs on the next animation frame, after the update that drew `target` has been laid out and
 * painted: focusing inside `firstUpdated` forced a synchronous layout on the call path (the
 * largest self time of an auto-answered call's profile, docs/benchmarks.md).
 */
export function focusIfLost(target: HTMLElement | null | undefined): void {
  if (!target) return;
  requestAnimationFrame(() => {
    const doc = target.ownerDocument;
    if (!target.isConnected || !doc.hasFocus()) return;
    const active = doc.activeElement;
    if (active === null || active === doc.body) target.focus();
  });
}
