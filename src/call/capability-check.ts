/**
 * Which capability a platform command needs, so a command the platform lacks fails with the
 * domain code `UNSUPPORTED` before anything is sent (a stale tab, a relayed click, a rule the view
 * model missed): the agent reads "This contact center cannot do that", not a wire error.
 */
import type { CommandFailure, DeskCommand, PlatformCapabilities, PlatformCommand } from './platform.ts';

/** The capabilities `command` needs (none for what every platform does: login, dial, hang up…). */
export function capabilitiesFor(command: PlatformCommand | DeskCommand): readonly (keyof PlatformCapabilities)[] {
  switch (command.command) {
    case 'joinCampaign':
    case 'leaveCampaign':
    case 'setUnavailable':
      return ['campaigns'];
    case 'pause':
    case 'unpause':
      return ['breaks'];
    case 'transfer': {
      const target = command.target.kind === 'queue' ? ['queueTransfer' as const] : command.target.kind === 'campaign' ? ['campaignTransfer' as const] : [];
      return ['transfer', ...(command.mode === 'attended' ? ['attendedTransfer' as const] : []), ...target];
    }
    case 'completeTransfer':
    case 'cancelTransfer':
      return ['attendedTransfer'];
    case 'startConference':
    case 'invite':
    case 'kick':
    case 'kickAll':
      return ['conference'];
    case 'monitor':
    case 'stopMonitor':
      return ['monitoring'];
    case 'scheduleCallback':
      return ['callbacks'];
    case 'categorise':
      return command.callback === null ? ['categorisation'] : ['categorisation', 'callbacks'];
    case 'sendDigits':
      return ['platformDigits'];
    case 'runTask':
      return ['tasks'];
    case 'sendText':
      return ['textMessages'];
    case 'login':
    case 'logout':
    case 'dial':
    case 'hangUp':
    case 'release':
      return [];
    case 'showingContact':
      // A record on screen is news for a dialer and harmless for a platform without one (the sip
      // platform delivers records from INVITE headers and answers it at once).
      return [];
  }
}

/** The `UNSUPPORTED` failure for a command `capabilities` cannot run, or `null` when it can. */
export function unsupportedBy(command: PlatformCommand | DeskCommand, capabilities: PlatformCapabilities): CommandFailure | null {
  const lacking = capabilitiesFor(command).filter((capability) => !capabilities[capability]);
  return lacking.length === 0 ? null : { code: 'UNSUPPORTED', detail: `${command.command} needs ${lacking.join(', ')}, which this platform does not offer.` };
}
