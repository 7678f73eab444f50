/**
 * The recording link written on a `sip` platform call's Task (docs/sip-platform.md): the
 * deployment's recording hook (`sipRecordingHook`, a GET template) rendered for the call, with
 * `{chave}` left empty — the secret never goes into Salesforce in clear; whoever plays the link
 * adds it again. `null` when the platform is not sip, no recording hook is set, or the call has no
 * call id (it never reached the PBX).
 */
import type { CallFacts } from '../call/call-facts.ts';
import type { SipPlatformConfig } from '../config/sip-platform-types.ts';
import { renderHook } from '../platforms/sip/hook-template.ts';

/** What the link needs of the configuration (a whole `Config` fits). */
export interface RecordingLinkConfig {
  readonly sipPlatform?: Pick<SipPlatformConfig, 'telephonyPlatform' | 'hooks' | 'recordingField'>;
}

/** The recording URL of `call` for its Task, or `null`. */
export function recordingLinkOf(call: CallFacts, config: RecordingLinkConfig): string | null {
  const sip = config.sipPlatform;
  if (sip?.telephonyPlatform !== 'sip') return null;
  const template = sip.hooks.recording;
  if (template?.method !== 'GET' || call.callId === null) return null;
  return renderHook(template, { callId: call.callId, telefone: call.number ?? '', chave: '' }).url;
}
