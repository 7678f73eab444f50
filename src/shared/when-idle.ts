/**
 * Runs `work` once the main thread has nothing more urgent: after the frame that drew the last
 * update, and after any network event already waiting (a SIP message, a fetch's answer), or after
 * `timeoutMs` at the latest. For what follows an update but is not the view: moving the focus or
 * reading where controls are drawn (inside the update or its animation frame, Chromium computes
 * style and layout for it early, and a call's INVITE or ACK waits behind that: docs/benchmarks.md,
 * "Ninth pass"), and fetching what the drawn login form does not need yet (sip.js, "Eighth pass
 * (a)"). Returns a cancel function.
 */
export function whenIdle(work: () => void, timeoutMs = 100): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(work, 0);
  return () => clearTimeout(id);
}
