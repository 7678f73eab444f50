import type { SoftphoneIntent } from '../controllers/agent-view.ts';

/** The intents the supervision desk handles (known before its code loads: src/app/lazy-supervision.ts). */
export const MONITOR_INTENTS: ReadonlySet<SoftphoneIntent['kind']> = new Set(['monitorStart', 'monitorSwitch', 'monitorStop', 'monitorRefresh']);
