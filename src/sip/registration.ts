import { Registerer, RegistererState, UserAgent, type Core, type Invitation, type UserAgentOptions } from 'sip.js';
import { describeValue } from '../shared/errors.ts';
import { SipPhoneError, registerRejection } from './errors.ts';
import { backoffDelayMs, type BackoffOptions } from './reconnect-backoff.ts';
import { stopAdvertisingOutbound } from './sip-extensions.ts';
import type { RegistrationState, UserAgentFactory } from './types.ts';

/** What the registration needs to build its UserAgent. */
export interface RegistrationOptions {
  readonly userAgentOptions: Omit<UserAgentOptions, 'delegate' | 'uri'>;
  readonly aor: string;
  readonly expiresSeconds: number;
  readonly timeoutMs: number;
  readonly backoff: BackoffOptions;
  readonly random: () => number;
  readonly userAgentFactory: UserAgentFactory;
}

/** What the registration reports to the phone. */
export interface RegistrationHooks {
  readonly state: (state: RegistrationState, error?: SipPhoneError) => void;
  readonly invite: (invitation: Invitation) => void;
  /** The WebSocket closed under us (not by `stop()`). */
  readonly transportLost: (error: SipPhoneError) => void;
  readonly error: (error: SipPhoneError) => void;
}

/**
 * Refresh at 90 % of the expiry the registrar granted (270 s of 300): sip.js's default of 99 %
 * (297 s) leaves no room for the 401 challenge round trip of a refresh, or for one retry.
 */
export const REFRESH_PERCENT = 90;

/** How long `unregister()` waits for a REGISTER still in flight before it sends the un-REGISTER. */
const IN_FLIGHT_WAIT_MS = 5000;

/**
 * The device's registration over one sip.js UserAgent, watched for the whole session, and its
 * recovery:
 * - sip.js does not reconnect by itself (sip-test-stack.md, "WebSocket drop"), so a dropped
 *   WebSocket starts a back-off loop of `reconnect()` + REGISTER (the registrar forgets bindings on restart);
 * - a refresh the registrar refuses (503…) or a binding that expires unrefreshed leaves sip.js's
 *   Registerer `Unregistered` without telling anyone: that is reported as `reconnecting`
 *   (`registration-lost`) and the same back-off loop registers again (honouring `Retry-After`);
 * - a `423 Interval Too Brief` is retried by sip.js with the `Min-Expires`; the registration
 *   counts as done when the Registerer says `Registered`, not when our own request is answered.
 */
export class SipRegistration {
  private userAgent: UserAgent | undefined;
  private registerer: Registerer | undefined;
  private current: RegistrationState = 'unregistered';
  private wanted = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: RegistrationOptions,
    private readonly hooks: RegistrationHooks,
  ) {}

  get state(): RegistrationState {
    return this.current;
  }

  /** The UserAgent while registered (outgoing calls are sent through it); undefined otherwise. */
  get registeredUserAgent(): UserAgent | undefined {
    return this.current === 'registered' ? this.userAgent : undefined;
  }

  /** Connects (once) and REGISTERs; rejects with a typed error. */
  async register(): Promise<void> {
    this.wanted = true;
    this.cancelReconnect();
    this.setState('registering');
    try {
      const userAgent = this.ensureUserAgent();
      if (!userAgent.isConnected()) await this.connect(userAgent, () => userAgent.start());
      await this.sendRegister();
      this.attempt = 0;
      this.setState('registered');
    } catch (error) {
      const typed = this.asError(error);
      this.setState('failed', typed);
      throw typed;
    }
  }

  /**
   * Un-REGISTERs and closes the WebSocket. The un-REGISTER goes out whenever a REGISTER was ever
   * sent, whatever our state says: a REGISTER that timed out, or that sip.js retried after a 423,
   * may still have left a binding, and a phone bound without a session answers callers nobody hears.
   */
  async unregister(): Promise<void> {
    this.wanted = false;
    this.cancelReconnect();
    const { userAgent, registerer } = this;
    this.userAgent = undefined;
    this.registerer = undefined;
    if (registerer && userAgent?.isConnected() && registerer.state !== RegistererState.Initial) {
      await untilNotWaiting(registerer, IN_FLIGHT_WAIT_MS);
      await this.awaitResponse('unREGISTER', (delegate) => registerer.unregister({ requestDelegate: delegate })).catch((error: unknown) =>
        this.hooks.error(this.asError(error)),
      );
    }
    await registerer?.dispose().catch(() => undefined);
    await userAgent?.stop().catch(() => undefined);
    this.setState('unregistered');
  }

  private ensureUserAgent(): UserAgent {
    if (this.userAgent) return this.userAgent;
    const uri = UserAgent.makeURI(this.options.aor);
    if (!uri) throw new SipPhoneError('register-rejected', `The SIP address ${describeValue(this.options.aor)} is not a valid SIP URI (expected sip:<device>@<sipDomain>).`);
    const userAgent = this.options.userAgentFactory({
      ...this.options.userAgentOptions,
      uri,
      delegate: {
        onInvite: (invitation) => this.hooks.invite(invitation),
        onDisconnect: (error) => {
          if (error && this.userAgent === userAgent) this.onTransportLost(error);
        },
      },
    });
    stopAdvertisingOutbound(userAgent);
    this.userAgent = userAgent;
    const registerer = new Registerer(userAgent, { expires: this.options.expiresSeconds, refreshFrequency: REFRESH_PERCENT });
    registerer.stateChange.addListener((state) => {
      if (state === RegistererState.Unregistered && this.registerer === registerer) this.onRegistrationLost(registerer.retryAfter);
    });
    this.registerer = registerer;
    return userAgent;
  }

  private async connect(userAgent: UserAgent, open: () => Promise<void>): Promise<void> {
    try {
      await open();
    } catch (error) {
      throw new SipPhoneError(
        'transport-failed',
        `Could not open the SIP WebSocket for ${this.options.aor}: ${error instanceof Error ? error.message : describeValue(error)} (expected the PBX at the configured sipWebSocketUrl to accept subprotocol "sip").`,
        { cause: error },
      );
    }
    if (!userAgent.isConnected()) throw new SipPhoneError('transport-failed', `The SIP WebSocket for ${this.options.aor} closed right after opening.`);
  }

  /**
   * Sends REGISTER; resolves once the Registerer is `Registered` — also when that came from
   * sip.js's own retry after a 423 with `Min-Expires`, which never answers our request delegate.
   */
  private sendRegister(): Promise<void> {
    const registerer = this.registerer;
    if (!registerer) return Promise.reject(new SipPhoneError('not-registered', 'REGISTER without a UserAgent (internal order error).'));
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: SipPhoneError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        registerer.stateChange.removeListener(watch);
        if (error) reject(error);
        else resolve();
      };
      const watch = (state: RegistererState): void => {
        if (state === RegistererState.Registered) settle();
        // A refusal of sip.js's own retry reaches no delegate; ours (with the status) comes first if there is one.
        else if (state === RegistererState.Unregistered) setTimeout(() => settle(new SipPhoneError('register-rejected', `REGISTER of ${this.options.aor} was refused (expected 200 OK).`)), 0);
      };
      const timer = setTimeout(
        () => settle(new SipPhoneError('register-timeout', `REGISTER of ${this.options.aor}: no answer within ${this.options.timeoutMs} ms (expected 200 OK from the PBX).`)),
        this.options.timeoutMs,
      );
      registerer.stateChange.addListener(watch);
      registerer
        .register({
          requestDelegate: {
            onAccept: () => settle(),
            onReject: (response) => settle(registerRejection(response.message.statusCode ?? 0, response.message.reasonPhrase ?? '', this.options.aor)),
          },
        })
        .catch((error: unknown) => settle(this.asError(error)));
    });
  }

  /** Sends one REGISTER-like request and waits for its final answer, at most `timeoutMs`. */
  private awaitResponse(
    what: string,
    send: (delegate: Core.OutgoingRequestDelegate) => Promise<unknown>,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new SipPhoneError('register-timeout', `${what} of ${this.options.aor}: no answer within ${this.options.timeoutMs} ms (expected 200 OK from the PBX).`)),
        this.options.timeoutMs,
      );
      const settle = (error?: SipPhoneError): void => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      send({
        onAccept: () => settle(),
        onReject: (response) => settle(registerRejection(response.message.statusCode ?? 0, response.message.reasonPhrase ?? '', this.options.aor)),
      }).catch((error: unknown) => settle(this.asError(error)));
    });
  }

  private onTransportLost(error: Error): void {
    const typed = new SipPhoneError('transport-failed', `The SIP WebSocket of ${this.options.aor} dropped: ${error.message}.`, { cause: error });
    this.hooks.transportLost(typed);
    // Only a registered phone starts the loop: while registering, register() reports the failure,
    // and while reconnecting the running loop already owns the retries.
    if (!this.wanted || this.current !== 'registered') return;
    this.setState('reconnecting', typed);
    this.scheduleReconnect();
  }

  /**
   * sip.js's Registerer fell to `Unregistered` while we were registered: the registrar refused a
   * refresh (503…) or the binding expired unrefreshed. Callers no longer reach the phone: say so
   * and register again with back-off, no sooner than the registrar's `Retry-After`.
   */
  private onRegistrationLost(retryAfterSeconds: number | undefined): void {
    if (!this.wanted || this.current !== 'registered') return;
    const wait = retryAfterSeconds === undefined ? '' : ` (it asked to retry after ${retryAfterSeconds} s)`;
    this.setState(
      'reconnecting',
      new SipPhoneError('registration-lost', `The registration of ${this.options.aor} was lost: the PBX refused its refresh or the binding expired${wait}; registering again.`),
    );
    this.scheduleReconnect(retryAfterSeconds === undefined ? 0 : retryAfterSeconds * 1000);
  }

  private scheduleReconnect(atLeastMs = 0): void {
    if (!this.wanted) return; // unregister() ran meanwhile
    if (this.attempt >= this.options.backoff.maxAttempts) {
      this.setState('failed', new SipPhoneError('transport-failed', `Gave up reconnecting ${this.options.aor} after ${this.attempt} attempts.`));
      return;
    }
    const delay = Math.max(Math.min(atLeastMs, this.options.backoff.maxDelayMs), backoffDelayMs(this.attempt, this.options.backoff, this.options.random));
    this.attempt++;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reconnectOnce();
    }, delay);
  }

  private async reconnectOnce(): Promise<void> {
    const userAgent = this.userAgent;
    if (!userAgent || !this.wanted) return;
    try {
      if (!userAgent.isConnected()) await this.connect(userAgent, () => userAgent.reconnect());
      await this.sendRegister();
      this.attempt = 0;
      this.setState('registered');
    } catch (error) {
      const typed = this.asError(error);
      if (typed.code === 'auth-failed' || typed.code === 'device-not-found') {
        this.setState('failed', typed);
        return;
      }
      this.hooks.error(typed);
      this.scheduleReconnect();
    }
  }

  private cancelReconnect(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setState(state: RegistrationState, error?: SipPhoneError): void {
    if (state === this.current && error === undefined) return;
    this.current = state;
    this.hooks.state(state, error);
  }

  private asError(error: unknown): SipPhoneError {
    if (error instanceof SipPhoneError) return error;
    return new SipPhoneError('transport-failed', `SIP request of ${this.options.aor} failed: ${error instanceof Error ? error.message : describeValue(error)}.`, { cause: error });
  }
}

/** Resolves once `registerer` has no REGISTER in flight, or after `maxMs`. */
function untilNotWaiting(registerer: Registerer, maxMs: number): Promise<void> {
  // `waiting` is private in sip.js's types; an in-flight REGISTER makes unregister() reject.
  const inner = registerer as unknown as { waiting: boolean; waitingChange: { addListener(l: (w: boolean) => void): void; removeListener(l: (w: boolean) => void): void } };
  if (!inner.waiting) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      inner.waitingChange.removeListener(listener);
      resolve();
    };
    const listener = (waiting: boolean): void => {
      if (!waiting) done();
    };
    const timer = setTimeout(done, maxMs);
    inner.waitingChange.addListener(listener);
  });
}
