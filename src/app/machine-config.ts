/**
 * The machine's settings (src/call/context.ts) from the validated configuration: the one place
 * the settings' platform vocabulary (`schedulingMethod=AddScheduleCall`) becomes the machine's.
 */
import type { MachineConfig } from '../call/index.ts';
import type { Config } from '../config/index.ts';

/** Picks the machine's settings out of the whole configuration. */
export function machineConfigFrom(config: Config): MachineConfig {
  return {
    autoAnswerPlatformLegs: config.connection.autoAnswerPlatformLegs,
    automaticContactReleaseSeconds: config.crm.automaticContactReleaseSeconds,
    allowCategorization: config.crm.allowCategorization,
    allowContactRelease: config.crm.allowContactRelease,
    callbackBooking: config.crm.schedulingMethod === 'AddScheduleCall' ? 'separate' : 'withDisposition',
    loginDeviceTemplate: config.connection.loginDeviceTemplate,
  };
}
