/**
 * JSON views of calls for the control API (what a test or the demo page looks at).
 */
import type { Call } from './model.ts';

export interface PartySummary {
  id: string;
  role: string;
  destination: string;
  user?: string;
  state: string;
  muted: boolean;
}

export interface CallSummary {
  id: string;
  kind: Call['kind'];
  phase: Call['phase'];
  direction: string;
  callType: string;
  origin: string;
  number: string;
  agent?: string;
  agentLeg?: string;
  agentLegState?: string;
  campaign: number;
  queue: number;
  dnis: string;
  clave: string;
  record?: Call['record'];
  conference: boolean;
  monitor?: Call['monitor'];
  recording: boolean;
  recordingFile: string;
  startedAt: string;
  answeredAt?: string;
  endedAt?: string;
  endReason: string;
  digitsSent: string;
  digitsReceived: string;
  parties: PartySummary[];
  events: { at: string; what: string }[];
}

/** A call as the control API shows it; times are ISO instants. */
export function describeCall(call: Call): CallSummary {
  const iso = (at: number): string => new Date(at).toISOString();
  const parties = [call.customer, call.consult, ...call.participants]
    .filter((p) => p !== undefined)
    .map((p) => ({ id: p.id, role: p.role, destination: p.destination, ...(p.user === undefined ? {} : { user: p.user }), state: p.leg.state, muted: p.muted }));
  return {
    id: call.id,
    kind: call.kind,
    phase: call.phase,
    direction: call.direction,
    callType: call.callType,
    origin: call.origin,
    number: call.number,
    ...(call.agent === undefined ? {} : { agent: call.agent }),
    ...(call.agentLeg ? { agentLeg: call.agentLeg.id, agentLegState: call.agentLeg.state } : {}),
    campaign: call.campaign,
    queue: call.queue,
    dnis: call.dnis,
    clave: call.clave,
    ...(call.record ? { record: call.record } : {}),
    conference: call.conference,
    ...(call.monitor ? { monitor: call.monitor } : {}),
    recording: call.recording,
    recordingFile: call.recordingFile,
    startedAt: iso(call.startedAt),
    ...(call.answeredAt === undefined ? {} : { answeredAt: iso(call.answeredAt) }),
    ...(call.endedAt === undefined ? {} : { endedAt: iso(call.endedAt) }),
    endReason: call.endReason,
    digitsSent: call.digitsSent.replace(/ /g, ''),
    digitsReceived: call.digitsReceived,
    parties,
    events: call.events.map((e) => ({ at: iso(e.at), what: e.what })),
  };
}
