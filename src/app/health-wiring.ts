/**
 * The health gate's round-trips on this session's adapters (docs/health-gate.md): the platform's
 * probe through the platform port, an Open CTI call, and a read of the IndexedDB store. Kept out
 * of agent-session.ts so the session only builds the gate.
 */
import type { AgentEvent, PlatformPort } from '../call/index.ts';
import type { AgentPreferences } from '../view/agent-view.ts';
import type { OpenCti } from '../opencti/index.ts';
import { messageOf } from '../shared/errors.ts';
import type { DialtoneStore } from '../storage/index.ts';
import type { RoundTrip } from './health-checks.ts';
import type { HealthProbes } from './health-gate.ts';
import { browserProbes } from './health-probes.ts';

/** Who the pre-login platform probe asks about when nobody is remembered: any user name does. */
const PROBE_USER = 'dialtone-health-check';

/** What the probes use of the session. */
export interface HealthWiring {
  readonly platform: PlatformPort<AgentEvent>;
  /** Salesforce; `undefined` outside it (no Open CTI). */
  readonly api: OpenCti | undefined;
  readonly store: Promise<DialtoneStore>;
  readonly prefs: () => AgentPreferences;
}

/** The browser probes with this session's round-trips. */
export function healthProbes(wiring: HealthWiring): HealthProbes {
  return browserProbes({
    microphoneId: () => wiring.prefs().microphoneId,
    speakerId: () => wiring.prefs().speakerId,
    platform: async (): Promise<RoundTrip | 'none'> => {
      const probe = wiring.platform.probe?.bind(wiring.platform);
      if (probe === undefined) return 'none';
      const outcome = await probe(wiring.prefs().user || PROBE_USER);
      // Any answer proves the round-trip, a refusal (`not logged.`) included.
      return outcome.ok || outcome.failure.code !== 'UNREACHABLE' ? { ok: true, detail: null } : { ok: false, detail: outcome.failure.detail };
    },
    salesforce: async (): Promise<RoundTrip | 'none'> => {
      const api = wiring.api;
      if (api === undefined) return 'none';
      try {
        await api.isSoftphonePanelVisible();
        return { ok: true, detail: null };
      } catch (error) {
        return { ok: false, detail: messageOf(error) };
      }
    },
    storage: async (): Promise<RoundTrip> => {
      try {
        await (await wiring.store).prefs.getAll();
        return { ok: true, detail: null };
      } catch (error) {
        return { ok: false, detail: messageOf(error) };
      }
    },
  });
}
