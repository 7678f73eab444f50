/**
 * Who is monitoring this user, from Position (docs/neoapi-contract.md §4, "Monitoring"). No real
 * payload shows monitoring, so the keys are Dialtone's choice, served by dev/neotel:
 * `MONITOREO` = `listen` | `assist` | `barge` (empty = nobody) and `MONITOREO_USUARIO` = the supervisor.
 * Spanish spellings (`escuchar`, `asistir`, `whisper`, `irrumpir`, `intrusion`) are read too, like `StartMonitor.MODO`.
 */
import { ownValue } from '../../shared/own-value.ts';
import type { MonitorMode } from '../../call/monitoring.ts';
import type { ParsedPosition } from './position.ts';

/** A supervisor listening to / assisting this user. */
export interface MonitoredBy {
  readonly mode: MonitorMode;
  /** The supervisor's Neotel user, or `null` when the platform does not say. */
  readonly supervisor: string | null;
}

const MODES: Readonly<Record<string, MonitorMode>> = { listen: 'listen', escuchar: 'listen', escucha: 'listen', assist: 'assist', asistir: 'assist', whisper: 'assist', barge: 'barge', intrusion: 'barge', irrumpir: 'barge' };

/** The monitoring Position reports for its user; `null` = none (or an unknown mode). */
export function monitoredByOf(position: ParsedPosition): MonitoredBy | null {
  const mode = ownValue(MODES, position.entries.get('MONITOREO')?.trim().toLowerCase() ?? '');
  if (mode === undefined) return null;
  const supervisor = position.entries.get('MONITOREO_USUARIO')?.trim() ?? '';
  return { mode, supervisor: supervisor === '' ? null : supervisor };
}
