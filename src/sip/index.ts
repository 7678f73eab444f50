/**
 * The WebRTC SIP phone adapter (sip.js over WebSocket): registration, incoming calls from the
 * Neotel PBX, outgoing calls, call controls, media devices, ringtone and reconnection. See
 * docs/agent-softphone.md and docs/interop-kamailio.md.
 */
export { SipPhone } from './sip-phone.ts';
export { callTargetUri, outgoingCallInfo } from './call-target.ts';
export { SipPhoneError, SIP_PHONE_ERROR_CODES, type SipPhoneErrorCode } from './errors.ts';
export {
  parseAnswerAfter,
  parseIncomingCall,
  parseLegKind,
  shouldAutoAnswer,
  type CallLegKind,
  type IncomingCallInfo,
} from './incoming-call.ts';
export { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './reconnect-backoff.ts';
export { DEFAULT_DTMF_TIMING, type DtmfTiming } from './dtmf-timing.ts';
export { sipfragStatus, type ReferOutcome } from './call-transfer.ts';
export { readInviteHeaders } from './incoming-call.ts';
export type {
  AudioDevices,
  CallDirection,
  CallEndReason,
  CallPhase,
  CallSnapshot,
  DtmfTransport,
  MediaEnvironment,
  NotReadyRefusal,
  RegistrationState,
  SipConnectionSettings,
  SipCredentials,
  SipPhoneEvents,
  SipPhoneOptions,
  TransferProgress,
  UserAgentFactory,
} from './types.ts';
