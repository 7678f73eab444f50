/**
 * What plain SIP (+ HTTP hooks) can do from the browser: transfers to a number or a user (REFER,
 * consult + REFER/Replaces), the browser-mixed conference, not-ready reasons as breaks, and
 * supervision only when the admin configured the PBX's feature codes. No campaigns, queues as
 * transfer targets, callbacks, dispositions stored on a platform, or DTMF sent by a platform
 * (the phone itself falls back to SIP INFO, `sipDtmfTransport`). The view model hides the rest.
 */
import type { PlatformCapabilities } from '../../call/platform.ts';

/** The sip platform's capabilities; `monitoring` when at least one supervision code is set. */
export function sipCapabilities(monitoring: boolean): PlatformCapabilities {
  return {
    campaigns: false,
    breaks: true,
    transfer: true,
    attendedTransfer: true,
    queueTransfer: false,
    campaignTransfer: false,
    conference: true,
    monitoring,
    callbacks: false,
    categorisation: false,
    platformDigits: false,
  };
}
