/**
 * The browser's device list and microphone permission, asked once for everyone who asks at the
 * same time (issue 18, docs/benchmarks.md "Boot"). At start-up the settings panel's device list
 * (agent-devices.ts) and the health gate's microphone, speaker and watch probes
 * (health-probes.ts) each asked: three `enumerateDevices` and three permission queries in the
 * same millisecond, each a round trip to the browser process answered 0.4–1 s later at load 5–9,
 * and each answer a view to draw while the login registers. Callers now share the answer that is
 * on its way; a call after it arrived asks afresh, so a plugged headset or a changed permission
 * is still seen.
 */
import { browserMediaEnvironment } from '../sip/media-devices.ts';
import type { MediaEnvironment } from '../sip/index.ts';

/** Shares the pending answer of `ask` between the callers that come while it runs. */
export function sharedWhilePending<T>(ask: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (pending) return pending;
    const asked = ask();
    pending = asked;
    const clear = () => {
      if (pending === asked) pending = undefined;
    };
    asked.then(clear, clear);
    return asked;
  };
}

const environment = browserMediaEnvironment();

/** The browser's media environment, `enumerateDevices` shared while pending. */
export const sharedMedia: MediaEnvironment = { ...environment, enumerateDevices: sharedWhilePending(() => environment.enumerateDevices()) };

/**
 * The microphone's `PermissionStatus` (shared while pending), or `null` where the browser cannot
 * query it (Firefox and older browsers: unknown until asked).
 */
export const microphonePermissionStatus: () => Promise<PermissionStatus | null> = sharedWhilePending(async () => {
  try {
    return await navigator.permissions.query({ name: 'microphone' });
  } catch {
    return null;
  }
});
