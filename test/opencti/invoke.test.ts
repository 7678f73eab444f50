import { describe, expect, it } from 'vitest';
import { invokeWithCallback } from '../../src/opencti/invoke.ts';

/** Arguments whose one field counts how often it is read (describing them for a message reads it). */
function countedArgs(): { args: object; reads: () => number } {
  let reads = 0;
  const args = {};
  Object.defineProperty(args, 'value', { enumerable: true, get: () => ((reads += 1), { entityApiName: 'Task' }) });
  return { args, reads: () => reads };
}

describe('invokeWithCallback', () => {
  it('describes the arguments only for an error: a call that succeeds never reads them', async () => {
    const { args, reads } = countedArgs();
    const result = await invokeWithCallback({ method: 'saveLog', args, send: (callback) => callback({ success: true, returnValue: { recordId: '00T1' } }), decode: (value) => value, timeoutMs: 1000 });
    expect(result).toEqual({ recordId: '00T1' });
    expect(reads()).toBe(0);
  });

  it('still names the arguments in the error of a call that fails', async () => {
    const { args, reads } = countedArgs();
    const failed = invokeWithCallback({ method: 'saveLog', args, send: (callback) => callback({ success: false, errors: [{ code: 'GENERIC_ERROR', description: 'nope' }] }), decode: (value) => value, timeoutMs: 1000 });
    await expect(failed).rejects.toThrow(/saveLog\(.*entityApiName.*Task/);
    expect(reads()).toBe(1);
  });
});
