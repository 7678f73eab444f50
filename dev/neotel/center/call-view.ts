/**
 * What one session's Position shows of a call: the current-call fields as that session sees them
 * (owner, consulted or invited user, supervisor), and the `_ULT` copies kept after the call.
 *
 * The `_ULT` keys equal the current ones during a call and keep them afterwards (neoapi.md §3.2,
 * every real sample). They are copied when a Position is rendered during the call, and again when
 * the session leaves the call (`detachSession`), so a call that starts and ends between two polls
 * still leaves its `IDLLAMADA_ULT` behind, as on a real server: the client ties a contact that is
 * still on the position after such a call to it.
 */
import type { AgentSession, Call, SubState } from './model.ts';

/** The current-call fields as this session sees them (owner, consulted/invited user, or supervisor). */
export interface CallView {
  channel: string;
  subState: SubState;
  campaign: number;
  queue: number;
  dnis: string;
  ani: string;
  phone: string;
  callType: string;
  origin: string;
  direction: string;
  clave: string;
  callId: string;
  conference: string;
  recording: boolean;
  recordingFile: string;
  transferTo: string;
  associated: string[];
}

export const NO_CALL: CallView = {
  channel: '', subState: '', campaign: 0, queue: 0, dnis: '', ani: '', phone: '', callType: 'NotSet', origin: '', direction: '',
  clave: '', callId: '0', conference: '', recording: false, recordingFile: '', transferTo: '', associated: [],
};

const isUp = (leg: { state: string } | undefined): boolean => leg?.state === 'up';

export function viewOf(session: AgentSession, call: Call): CallView {
  const user = session.user.id;
  if (call.agent === user) {
    const others = [call.customer, call.consult, ...call.participants].filter((p) => p !== undefined && isUp(p.leg)).map((p) => p!.id);
    const inbound = call.direction === 'ENTRANTE';
    return {
      channel: call.agentChannel,
      subState: call.subState,
      campaign: call.campaign,
      queue: call.queue,
      dnis: call.dnis,
      ani: inbound ? call.number : call.kind === 'monitor' ? (call.monitor?.agent ?? '') : '',
      phone: inbound ? '' : call.number,
      callType: call.callType,
      origin: call.origin,
      direction: call.direction,
      clave: call.clave,
      callId: call.id,
      conference: call.conference ? call.id : '',
      recording: call.recording,
      recordingFile: call.recordingFile,
      transferTo: call.transferTo,
      associated: others,
    };
  }
  // A platform user consulted or invited into someone else's call.
  const party = [call.consult, ...call.participants].find((p) => p?.user === user);
  return {
    ...NO_CALL,
    channel: party?.id ?? '',
    subState: isUp(party?.leg) ? 'AGENT' : 'RINGING',
    campaign: call.campaign,
    queue: call.queue,
    ani: call.agent ?? call.number,
    direction: 'ENTRANTE',
    callId: call.id,
    conference: call.conference ? call.id : '',
    associated: isUp(call.agentLeg) ? [call.agentChannel] : [],
  };
}

/** Copies the current call's fields into the `_ULT` ones (they mirror the current call). */
export function syncLast(session: AgentSession, view: CallView): void {
  if (view.callId === '0') return;
  const last = session.last;
  if (view.subState !== '') last.subState = view.subState;
  last.campaign = view.campaign;
  last.queue = view.queue;
  last.phone = view.phone || view.ani;
  last.callType = view.callType;
  last.origin = view.origin;
  last.direction = view.direction;
  last.callId = view.callId;
}
