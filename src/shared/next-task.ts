/**
 * Resolves in a new task, after the current one and its microtasks: after a render Lit ran in
 * them. A `MessageChannel` message, not a timer: timers in a hidden cross-origin frame (the
 * utility panel closed) may be throttled, messages are not. For start-up work that must not
 * delay what the current task draws (docs/benchmarks.md, "Tenth pass (d)").
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
