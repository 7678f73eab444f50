/**
 * `src/call`: the pure agent + call state machine. The app feeds it SIP, platform, intent and
 * command-result events and runs the effects it returns; platform.ts is the port a telephony
 * platform adapter implements.
 */
export { transition, type TransitionResult } from './transition.ts';
export { answersAtOnce } from './auto-answer.ts';
export { initialState, hasCall, hasSession, PHASES, OPERATIONS } from './state.ts';
export type {
  AgentState, Phase, Session, BreakStatus, CampaignStatus, OnBreak, InCampaign, PhoneStatus, NeoApiHealth,
  Operation, PendingRequest, LoggedOut, LoggingIn, Ready, Dialing, Ringing, Connected, WrapUp, WrapUpStep, LoggingOut,
  SessionState, CallState,
} from './state.ts';
export { EVENT_KINDS, INTENT_KINDS, FACT_KINDS, isIntent } from './events.ts';
export { isSessionIntentRequest, sessionIntentAt, type SessionIntentRequest } from './session-intents.ts';
export type { AgentEvent, EventKind, EventOf, LegKind } from './events.ts';
export { NOTICES } from './effects.ts';
export type { Effect, EffectKind, SipAction, Notice, NoticeFailure, NoticeLevel, TimerName } from './effects.ts';
export { ALL_CAPABILITIES, FAILURE_CODES } from './platform.ts';
export { capabilitiesFor, unsupportedBy } from './capability-check.ts';
export type {
  Callback, CommandFailure, CommandOf, CommandOutcome, DeskCommand, FailureCode, MonitoredBy, PlatformCapabilities, PlatformCommand, PlatformCommandName,
  PlatformListener, PlatformPort, PlatformWatch,
} from './platform.ts';
export { REFUSAL_CODES } from './refusals.ts';
export type { Refusal, RefusalCode } from './refusals.ts';
export type { CallbackBooking, MachineConfig, MachineContext } from './context.ts';
export { CALL_DIRECTIONS, CALL_END_CAUSES } from './call-facts.ts';
export type { CallFacts, CallDirection, CallEndCause, DeliveredContact, Disposition, PlatformCallData } from './call-facts.ts';
export { parseCallId, parseNeoUser, parseSipLegId } from './ids.ts';
export type { CallId, NeoUser, SipLegId, RequestId } from './ids.ts';
export { isWallTime } from './phases/wrap-up.ts';
export { resumedSession } from './phases/session-lifecycle.ts';
export type { ResumeOptions } from './phases/session-lifecycle.ts';
export { transferCommand } from './call-control.ts';
export { NO_CONTROL, CALL_CONTROL_INTENTS } from './call-control-types.ts';
export type { CallControl, ConferenceTarget, Participant, TransferMode, TransferRecord, TransferTarget } from './call-control-types.ts';
