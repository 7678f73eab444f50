/**
 * What Neotel can do through NeoApi: everything the machine knows (campaigns, breaks, every
 * transfer kind, conference, monitoring, callbacks, categorisation, DTMF through the platform), plus agent actions (`ExecuteTaskNN`) and text
 * messages (`SendTextMessage`).
 */
import type { PlatformCapabilities } from '../../call/platform.ts';

/** Neotel's capabilities. */
export const NEOTEL_CAPABILITIES: PlatformCapabilities = {
  campaigns: true,
  breaks: true,
  transfer: true,
  attendedTransfer: true,
  queueTransfer: true,
  campaignTransfer: true,
  conference: true,
  monitoring: true,
  callbacks: true,
  categorisation: true,
  platformDigits: true,
  tasks: true,
  textMessages: true,
  // Hangup and Position need only the user, not the agent's media (docs/reload.md).
  callsWithoutMedia: true,
};
