import type { AgentView } from '../../view/agent-view.ts';
import type { Messages } from '../../i18n/index.ts';

/**
 * Why a button that would make the agent available (log in, back to work, available again, take
 * contacts) is disabled by the health gate, in the agent's words; `null` = the gate lets it through.
 * The app refuses the same intents (src/app/health-checks.ts `makesAvailable`).
 */
export function gateHint(view: AgentView, m: Messages): string | null {
  const blocked = view.health?.blockedBy ?? null;
  if (blocked === null) return null;
  return m.health.blockedHint(blocked.reason === null ? m.health.check[blocked.check] : m.health.reason[blocked.reason]);
}
