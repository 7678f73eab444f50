/**
 * Salesforce as the Task logger reaches it, for tests that keep everything else real (the outbox
 * on fake-indexeddb, the TaskLogger, the `OpenCti` shim): a stand-in for the Open CTI library
 * whose requests run on the dev/lightning org model — its `saveLog` and `runApex` handlers, the
 * record store with Salesforce's validation, the Apex twins — with faults scripted per request:
 *
 * - `ok`: runs and answers;
 * - `lost`: runs, the answer never comes back (the shim times out);
 * - `late`: runs `lateMs` later (a transaction Salesforce commits after the caller gave up), no answer;
 * - `fail`: answers `success: false` (`SERVER_ERROR`) without running.
 */
import { runApexMethod, saveLog } from '../../dev/lightning/opencti/record-methods.ts';
import type { MethodContext, MethodHandler } from '../../dev/lightning/opencti/method-context.ts';
import type { OpenCtiResponse } from '../../dev/lightning/opencti/protocol.ts';
import { RecordStore, type SObjectRecord } from '../../dev/lightning/records/record-store.ts';
import type { OpenCtiLightning } from '../../src/opencti/types.ts';

export type Fault = 'ok' | 'lost' | 'late' | 'fail';

type Callback = (response: OpenCtiResponse) => void;

export class SalesforceOrg {
  readonly store = new RecordStore();
  /** Faults for the next requests (saveLog and runApex alike), in order; then `ok`. */
  readonly script: Fault[] = [];
  /** Every saveLog / runApex request, as `method:apexMethod`. */
  readonly requests: string[] = [];
  lateMs = 20_000;

  /** The library object the `OpenCti` shim wraps. */
  readonly library = {
    saveLog: (args: { value: unknown; callback: Callback }) => this.request('saveLog', saveLog, { object: args.value }, args.callback),
    runApex: (args: { apexClass: string; methodName: string; methodParams: string; callback: Callback }) =>
      this.request(`runApex:${args.methodName}`, runApexMethod, { apexClass: args.apexClass, methodName: args.methodName, methodParams: args.methodParams }, args.callback),
    refreshView: (args: { callback: Callback }) => setTimeout(() => args.callback({ success: true, returnValue: null, errors: null }), 0),
  } as unknown as OpenCtiLightning;

  tasksOf(callObject: string): SObjectRecord[] {
    return this.store.list('Task').filter((t) => t.fields.CallObject === callObject);
  }

  private request(name: string, handler: MethodHandler, args: Record<string, unknown>, callback: Callback): void {
    this.requests.push(name);
    const fault = this.script.shift() ?? 'ok';
    const run = (): OpenCtiResponse => handler({ args, org: { records: this.store } } as unknown as MethodContext);
    switch (fault) {
      case 'ok': {
        const response = run();
        setTimeout(() => callback(response), 0);
        return;
      }
      case 'lost':
        run();
        return;
      case 'late':
        setTimeout(run, this.lateMs);
        return;
      case 'fail':
        setTimeout(() => callback({ success: false, returnValue: null, errors: [{ code: 'SERVER_ERROR', description: 'An internal server error has occurred.' }] }), 0);
    }
  }
}
