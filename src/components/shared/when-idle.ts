/**
 * Runs `work` once the main thread has nothing more urgent: after the frame that drew the update
 * that asked for it, and after any network event already waiting (a SIP message, a fetch's
 * answer), or after `timeoutMs` at the latest. For what follows a view update but is not the view
 * (moving the focus, reading where controls are drawn): done inside the update or its animation
 * frame, Chromium computes style and layout for it before the frame would, and a call's INVITE or
 * ACK waits behind that (docs/benchmarks.md, "Ninth pass"). Returns a cancel function.
 */
export function whenIdle(work: () => void, timeoutMs = 100): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}
