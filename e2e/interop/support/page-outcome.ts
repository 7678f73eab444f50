/**
 * Runs one phone operation in an interop page and turns its outcome into plain data (errors do
 * not cross `page.evaluate`): ok and how long it took, or the SipPhoneError's code, SIP status and
 * message. Shared by ./dialtone-page.ts and ./sip-platform-page.ts.
 */
import { SipPhoneError } from '../../../src/sip/index.ts';

export interface PageOutcome {
  ok: boolean;
  ms: number;
  code?: string;
  statusCode?: number;
  message?: string;
}

export async function pageOutcome(what: string, operation: () => Promise<void>, note: (line: string) => void): Promise<PageOutcome> {
  const started = performance.now();
  try {
    await operation();
    return { ok: true, ms: performance.now() - started };
  } catch (error) {
    const ms = performance.now() - started;
    const message = error instanceof Error ? error.message : String(error);
    note(`${what} failed: ${message}`);
    if (!(error instanceof SipPhoneError)) return { ok: false, ms, message };
    return { ok: false, ms, code: error.code, message, ...(error.statusCode === undefined ? {} : { statusCode: error.statusCode }) };
  }
}
