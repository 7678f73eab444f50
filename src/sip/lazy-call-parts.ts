import { describeValue } from '../shared/errors.ts';
import { SipPhoneError, type SipPhoneErrorCode } from './errors.ts';
import type * as CallPartsModule from './call-parts.ts';

/** The call-only code (./call-parts.ts) once loaded. */
export type CallParts = typeof CallPartsModule;

/** Imports the call-only chunk (`SipPhoneOptions.loadCallParts`: tests hold it back). */
export type CallPartsImport = () => Promise<CallParts>;

export const importCallParts: CallPartsImport = () => import('./call-parts.ts');

/**
 * The call-only parts of the phone, fetched once the phone is registered (a call reaches a
 * registered phone only) so they never compete with registering. What uses them first waits for
 * the same load: a transfer, a consult, digits. A load that fails is forgotten, so the next use
 * fetches again, and the use that asked fails with its own code and the cause.
 */
export class LazyCallParts {
  private pending: Promise<CallParts> | undefined;
  private parts: CallParts | undefined;

  constructor(
    private readonly importParts: CallPartsImport,
    /** Runs once, when the parts arrive (the phone builds its second line and ringer then). */
    private readonly arrived: (parts: CallParts) => void,
  ) {}

  /** The parts, when they are in. */
  get loaded(): CallParts | undefined {
    return this.parts;
  }

  /** Starts (or joins) the load. */
  load(): Promise<CallParts> {
    this.pending ??= this.importParts().then(
      (parts) => {
        if (!this.parts) {
          this.parts = parts;
          this.arrived(parts);
        }
        return parts;
      },
      (error: unknown) => {
        this.pending = undefined;
        throw error;
      },
    );
    return this.pending;
  }

  /** The parts for `what`, or a `code` error naming the cause when they cannot be fetched. */
  need(what: string, code: SipPhoneErrorCode): Promise<CallParts> {
    return this.load().catch((error: unknown) => {
      const cause = error instanceof Error ? error.message : describeValue(error);
      throw new SipPhoneError(code, `${what}: the phone's call code could not be fetched (${cause}); nothing was sent. Try again (expected the call-parts chunk from the server).`, {
        cause: error,
      });
    });
  }

  /** Starts the load and reports a failure as a warning (the next use retries). */
  preload(): void {
    this.load().catch((error: unknown) => console.warn('[dialtone sip] the call code did not load; the next transfer, consult or digit fetches it again', error));
  }
}
