/**
 * The SIP phone behind a dynamic `import()`: sip.js (~55 KB gzip) is its own chunk, out of the
 * start-up bundle. `preloadSipPhone()` (sip-chunk.ts) starts the fetch once the login form is
 * drawn, or once the session's code is in on a reload that registers again, and a `LazyPhone` forwards
 * to the real `SipPhone` once it is in. No call can reach the agent before that: calls arrive only
 * on a registered phone, and `register()` waits for the chunk.
 * Listeners added before are attached to the real phone when it exists. A chunk that fails to load
 * is a failed registration (`transport-failed`, with the cause), shown as such; nothing throws
 * into the shell.
 */
import type { CallSnapshot, RegistrationState, SipPhone, SipPhoneEvents, SipPhoneOptions } from '../sip/index.ts';
import { SipPhoneError } from '../sip/errors.ts';
import type { PhoneLike } from './phone-bridge.ts';
import { phoneWanted, preloadSipPhone, type SipPhoneModule } from './sip-chunk.ts';

export { preloadSipPhone } from './sip-chunk.ts';

interface Listener {
  readonly name: keyof SipPhoneEvents;
  readonly listener: (...args: never[]) => void;
  off?: () => void;
  removed: boolean;
}

export class LazyPhone implements PhoneLike {
  private phone: SipPhone | undefined;
  private readonly ready: Promise<SipPhone>;
  private readonly listeners: Listener[] = [];
  private disposed = false;

  constructor(options: SipPhoneOptions, load: () => Promise<SipPhoneModule> = () => preloadSipPhone()) {
    phoneWanted();
    this.ready = load().then(({ SipPhone: Phone }) => {
      const phone = new Phone(options);
      this.phone = phone;
      for (const entry of this.listeners) if (!entry.removed) entry.off = phone.on(entry.name, entry.listener as never);
      if (this.disposed) void phone.dispose();
      return phone;
    });
    this.ready.catch(() => undefined);
  }

  on<Name extends keyof SipPhoneEvents>(name: Name, listener: SipPhoneEvents[Name]): () => void {
    if (this.phone) return this.phone.on(name, listener);
    const entry: Listener = { name, listener, removed: false };
    this.listeners.push(entry);
    return () => {
      entry.removed = true;
      entry.off?.();
    };
  }

  get state(): RegistrationState {
    return this.phone?.state ?? 'unregistered';
  }

  get currentCall(): CallSnapshot | undefined {
    return this.phone?.currentCall;
  }

  get dtmfViaPlatform(): boolean {
    return this.phone?.dtmfViaPlatform ?? false;
  }

  async register(): Promise<void> {
    let phone: SipPhone;
    try {
      phone = await this.ready;
    } catch (cause) {
      const error = new SipPhoneError(
        'transport-failed',
        `the phone's code (sip.js chunk) did not load, so the phone cannot register (expected the adapter's assets/sip-phone-*.js to load; reload the page): ${cause instanceof Error ? cause.message : String(cause)}`,
        { cause },
      );
      for (const entry of this.listeners) if (!entry.removed && entry.name === 'registration') (entry.listener as SipPhoneEvents['registration'])('failed', error);
      throw error;
    }
    return phone.register();
  }

  async unregister(): Promise<void> {
    await this.phone?.unregister();
  }

  answer(): Promise<void> {
    return this.loaded('answer').answer();
  }

  reject(statusCode?: 486 | 480): Promise<void> {
    return this.loaded('reject').reject(statusCode);
  }

  hangUp(): Promise<void> {
    return this.loaded('hangUp').hangUp();
  }

  hold(): Promise<void> {
    return this.loaded('hold').hold();
  }

  resume(): Promise<void> {
    return this.loaded('resume').resume();
  }

  mute(): void {
    this.loaded('mute').mute();
  }

  unmute(): void {
    this.loaded('unmute').unmute();
  }

  sendDtmf(digits: string): Promise<void> {
    return this.loaded('sendDtmf').sendDtmf(digits);
  }

  async setMicrophone(deviceId: string | undefined): Promise<void> {
    await this.phone?.setMicrophone(deviceId);
  }

  async setSpeaker(deviceId: string): Promise<void> {
    await this.phone?.setSpeaker(deviceId);
  }

  async setRinger(deviceId: string): Promise<void> {
    await this.phone?.setRinger(deviceId);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.phone?.dispose();
  }

  /**
   * The real phone, for the sip platform's own operations (call, setReady, transfers: see
   * sip-agent-phone.ts); throws `not-registered` while its code is still loading.
   */
  loadedPhone(what: string): SipPhone {
    return this.loaded(what);
  }

  /** The real phone; before it loaded there is no call to act on. */
  private loaded(what: string): SipPhone {
    if (this.phone) return this.phone;
    throw new SipPhoneError('not-registered', `${what}: the phone is not registered yet (its code is still loading; expected a registered phone with a call).`);
  }
}
