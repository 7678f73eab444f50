import { describe, expect, it } from 'vitest';
import { INTENT_PLACES, intentTable, type IntentHandlerParts } from '../../src/app/intent-handlers.ts';
import { IntentRoutingError, IntentTable } from '../../src/app/intent-table.ts';
import type { SoftphoneIntent } from '../../src/view/agent-view.ts';

/** Every kind of the UI's intent union: `INTENT_PLACES` is typed over the union, so the compiler fails there when a kind is added without a place. */
const EVERY_KIND = Object.keys(INTENT_PLACES);

/** The session's collaborators as fakes that record what reached them. */
function fakeParts() {
  const reached: string[] = [];
  const warnings: string[] = [];
  const to = (who: string) => (intent: SoftphoneIntent) => {
    reached.push(`${who}:${intent.kind}`);
    return Promise.resolve();
  };
  const parts = {
    runtime: { send: to('runtime') },
    supervision: { intent: to('supervision') },
    crm: { intent: to('crm') },
    attendant: { handleLocally: (intent: SoftphoneIntent) => reached.push(`attendant:${intent.kind}`) > 0 },
    health: { checkAll: () => to('health')({ kind: 'recheckHealth' }), playTone: () => to('health')({ kind: 'playTestTone' }) },
    directory: () => undefined,
    actions: () => ({ intent: to('actions') }),
    tasks: undefined,
    login: to('session'),
    dial: to('session'),
    requestMicrophone: () => to('devices')({ kind: 'requestMicrophone' }),
    setting: to('preferences'),
    phoneWindow: to('phone-window'),
    warn: (message: string) => warnings.push(message),
  } as unknown as IntentHandlerParts;
  return { parts, reached, warnings };
}

describe("the session's intent table", () => {
  it('has exactly one handler for every intent kind the UI can send', () => {
    const table = intentTable(fakeParts().parts);
    expect(EVERY_KIND.length).toBeGreaterThan(50);
    expect(table.missing(EVERY_KIND)).toEqual([]);
  });

  it('sends each intent to its one owner', async () => {
    const { parts, reached } = fakeParts();
    const table = intentTable(parts);
    await table.dispatch({ kind: 'hold' });
    await table.dispatch({ kind: 'holdContacts', hold: true });
    await table.dispatch({ kind: 'dismissNotice', id: 3 });
    await table.dispatch({ kind: 'monitorRefresh' });
    await table.dispatch({ kind: 'runAgentAction', id: 'balance' });
    await table.dispatch({ kind: 'setLanguage', language: 'pt' });
    await table.dispatch({ kind: 'dial', number: '600112233' });
    await table.dispatch({ kind: 'showInCrm', recordId: '003Dt000HccIdlkIIC' });
    expect(reached).toEqual([
      'runtime:hold',
      'runtime:holdContacts',
      'runtime:dismissNotice',
      'supervision:monitorRefresh',
      'actions:runAgentAction',
      'preferences:setLanguage',
      'session:dial',
      'attendant:showInCrm',
    ]);
    expect(table.ownerOf('categorise')).toBe('runtime');
    expect(table.ownerOf('clickToDial')).toBe('crm-desk');
  });

  it('reports an intent for a desk whose code has not loaded yet instead of dropping it silently', async () => {
    const { parts, reached, warnings } = fakeParts();
    await intentTable(parts).dispatch({ kind: 'directorySearch', query: 'ana', id: 1 });
    expect(reached).toEqual([]);
    expect(warnings).toEqual(['directorySearch ignored: the directory load once the phone is registered']);
  });
});

describe('the intent table', () => {
  it('refuses a kind registered twice, naming the kind and both owners', () => {
    const table = new IntentTable(INTENT_PLACES);
    table.register('runtime', ['hold', 'resume'], () => undefined);
    expect(() => table.register('call-desk', ['mute', 'hold'], () => undefined)).toThrow(
      'The intent "hold" is registered twice: by runtime and by call-desk (src/app/intent-table.ts): each intent has one handler; remove one of the registrations.',
    );
    // Nothing of the refused registration was kept.
    expect(table.ownerOf('mute')).toBeUndefined();
  });

  it('refuses an intent nobody handles, naming it and the kinds it knows', () => {
    const table = new IntentTable(INTENT_PLACES);
    table.register('runtime', ['hold'], () => undefined);
    let thrown: unknown;
    try {
      void table.dispatch({ kind: 'mute' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IntentRoutingError);
    expect((thrown as IntentRoutingError).kind).toBe('mute');
    expect((thrown as Error).message).toBe('No handler for the intent "mute" (src/app/intent-table.ts): expected one of hold; a new intent kind needs a handler registered in src/app/intent-handlers.ts.');
  });

  it('rejects with the handler\'s failure, so the session can report it', async () => {
    const table = new IntentTable(INTENT_PLACES);
    table.register('runtime', ['hold'], () => Promise.reject(new Error('no phone')));
    await expect(table.dispatch({ kind: 'hold' })).rejects.toThrow('no phone');
  });
});
