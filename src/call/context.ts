/**
 * The slice of the validated call-center configuration the machine reads. It is passed to every
 * transition rather than stored in the state, so a settings change applies to the next event
 * without migrating states.
 */
import type { Config, SchedulingMethod } from '../config/config-types.ts';

/** Settings that change how the machine reacts. */
export interface MachineConfig {
  /** Answer platform-originated legs (Dial, dialer) without the agent (`answer-after=0`). */
  readonly autoAnswerPlatformLegs: boolean;
  /** Seconds after the call before the contact is released; `null` = only by the agent. */
  readonly automaticContactReleaseSeconds: number | null;
  /** The agent may categorise contacts (seed 004 `allowCategorization`). */
  readonly allowCategorization: boolean;
  /** The agent may release a delivered contact without categorising it. */
  readonly allowContactRelease: boolean;
  /** `UpdateContact` (AGENDA=true) or `AddScheduleCall` then `CRM_Available` for a callback. */
  readonly schedulingMethod: SchedulingMethod;
  /** `Login(DEVICE)` template, `{device}` replaced by the agent's device, e.g. `SIP/{device}`. */
  readonly loginDeviceTemplate: string;
}

/** What every transition receives besides the state and the event. */
export interface MachineContext {
  readonly config: MachineConfig;
}

/** Picks the machine's settings out of the whole configuration. */
export function machineConfigFrom(config: Config): MachineConfig {
  return {
    autoAnswerPlatformLegs: config.connection.autoAnswerPlatformLegs,
    automaticContactReleaseSeconds: config.crm.automaticContactReleaseSeconds,
    allowCategorization: config.crm.allowCategorization,
    allowContactRelease: config.crm.allowContactRelease,
    schedulingMethod: config.crm.schedulingMethod,
    loginDeviceTemplate: config.connection.loginDeviceTemplate,
  };
}
