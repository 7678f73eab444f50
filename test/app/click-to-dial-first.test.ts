import { describe, expect, it } from 'vitest';
import { CrmDesk } from '../../src/app/crm-desk.ts';
import type { DeliveredContact } from '../../src/call/call-facts.ts';
import type { SoftphoneIntent } from '../../src/view/agent-view.ts';
import type { ClickToDialPayload, OpenCti } from '../../src/opencti/index.ts';
import { shippedConfig } from '../support/shipped-config.ts';

const MARIA = '003Dt000HccIdlkIIC';

/** The part of Open CTI a click-to-dial touches; `runApex` answers only when the test says. */
class SlowApex {
  readonly apexCalls: unknown[] = [];
  private click: ((payload: ClickToDialPayload) => void) | undefined;
  private answer: ((value: unknown) => void) | undefined;
  onClickToDial = (listener: (payload: ClickToDialPayload) => void) => {
    this.click = listener;
    return () => (this.click = undefined);
  };
  onNavigationChange = () => () => undefined;
  runApex = (args: unknown) => {
    this.apexCalls.push(args);
    return new Promise<unknown>((resolve) => (this.answer = resolve));
  };
  clickToDial(payload: ClickToDialPayload): void {
    this.click?.(payload);
  }
  answerApex(value: unknown): void {
    this.answer?.(value);
  }
}

const settled = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('click-to-dial sends the dial before the record lookup answers (issue 18)', () => {
  it('dials at once, then hands over the record’s Neotel contact when Apex answers', async () => {
    const api = new SlowApex();
    const sent: SoftphoneIntent[] = [];
    const found: { contact: DeliveredContact; clickedAt: number }[] = [];
    const before = Date.now();
    const desk = new CrmDesk({
      api: api as unknown as OpenCti,
      config: shippedConfig(),
      onRecord: () => undefined,
      send: (intent) => {
        sent.push(intent);
        if (desk.handles(intent)) void desk.intent(intent);
      },
      contactFound: (contact, clickedAt) => found.push({ contact, clickedAt }),
      warn: (message) => {
        throw new Error(message);
      },
    });
    // The phone is registered: the screen pop's chunk is in (CrmDesk.shown loads it then).
    expect(await desk.loadScreenPop(), 'the screen pop built from its chunk').toBeDefined();
    api.clickToDial({ number: '1145551234', recordId: MARIA, objectType: 'Contact', recordName: 'María José González' });
    await settled();
    expect(api.apexCalls, 'the lookup was asked for').toHaveLength(1);
    expect(sent.map((intent) => intent.kind), 'the dial went out while Apex had not answered').toEqual(['clickToDial', 'dial']);
    expect(sent[1]).toEqual({ kind: 'dial', number: '1145551234' });
    expect(found).toEqual([]);

    api.answerApex(JSON.stringify([{ Id: MARIA, neoContactId__c: 12345, neoBaseId__c: '7', neoCrmId__c: '3' }]));
    await settled();
    expect(found).toEqual([{ contact: { crm: 3, base: 7, contactId: 12345, data: MARIA, phone: '1145551234', clave: null, searchField: null, agendaId: null }, clickedAt: expect.any(Number) as unknown }]);
    expect(found[0]!.clickedAt).toBeGreaterThanOrEqual(before);
    desk.dispose();
  });

  it('hands over nothing for a record without Neotel ids', async () => {
    const api = new SlowApex();
    const found: DeliveredContact[] = [];
    const desk = new CrmDesk({ api: api as unknown as OpenCti, config: shippedConfig(), onRecord: () => undefined, send: () => undefined, contactFound: (contact) => found.push(contact), warn: () => undefined });
    await desk.loadScreenPop();
    const done = desk.intent({ kind: 'clickToDial', number: '1145551234', recordId: MARIA, objectType: 'Contact', recordName: null });
    api.answerApex(JSON.stringify([{ Id: MARIA }]));
    await done;
    expect(found).toEqual([]);
    desk.dispose();
  });

  it('a click before the screen pop is in (the phone not registered yet) sends its dial at once, and still looks the record up', async () => {
    const api = new SlowApex();
    const sent: SoftphoneIntent[] = [];
    const found: DeliveredContact[] = [];
    const desk = new CrmDesk({ api: api as unknown as OpenCti, config: shippedConfig(), onRecord: () => undefined, send: (intent) => sent.push(intent), contactFound: (contact) => found.push(contact), warn: (message) => { throw new Error(message); } });
    const done = desk.intent({ kind: 'clickToDial', number: '1145551234', recordId: MARIA, objectType: 'Contact', recordName: null });
    expect(sent, 'the dial went out before the screen pop\'s chunk was fetched').toEqual([{ kind: 'dial', number: '1145551234' }]);
    await desk.loadScreenPop();
    await settled();
    expect(api.apexCalls, 'the lookup asked for once the chunk is in').toHaveLength(1);
    api.answerApex(JSON.stringify([{ Id: MARIA, neoContactId__c: 12345, neoBaseId__c: '7', neoCrmId__c: '3' }]));
    await done;
    expect(found.map((contact) => contact.contactId)).toEqual([12345]);
    expect(sent, 'one dial only').toHaveLength(1);
    desk.dispose();
  });
});
