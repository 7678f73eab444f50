/**
 * The slice of the validated call-center configuration the machine reads. It is passed to every
 * transition rather than stored in the state, so a settings change applies to the next event
 * without migrating states.
 */

/**
 * How a callback is booked: `withDisposition` = one categorise command carries it (and frees the
 * agent on the platform); `separate` = a scheduleCallback command of its own, then release (the
 * callback is then always the agent's own).
 */
export type CallbackBooking = 'withDisposition' | 'separate';

/** Settings that change how the machine reacts. */
export interface MachineConfig {
  /** Answer platform-originated legs (dial, dialer) without the agent (`answer-after=0`). */
  readonly autoAnswerPlatformLegs: boolean;
  /** Seconds after the call before the contact is released; `null` = only by the agent. */
  readonly automaticContactReleaseSeconds: number | null;
  /** The agent may categorise contacts (seed 004 `allowCategorization`). */
  readonly allowCategorization: boolean;
  /** The agent may release a delivered contact without categorising it. */
  readonly allowContactRelease: boolean;
  /** How a callback is booked (the app maps the `schedulingMethod` setting). */
  readonly callbackBooking: CallbackBooking;
  /** The login device template, `{device}` replaced by the agent's device, e.g. `SIP/{device}`. */
  readonly loginDeviceTemplate: string;
}

/** What every transition receives besides the state and the event. */
export interface MachineContext {
  readonly config: MachineConfig;
}
