/**
 * positionEvents over the Position texts the Neotel simulator (dev/neotel) prints while a flow
 * runs: the same payload shapes and evolution the poller will see in `npm start` and e2e.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { positionEvents, unusablePositionReason, type PositionSnapshotEvent } from '../../../src/platforms/neotel/position-events.ts';
import { parsePosition, type ParsedPosition } from '../../../src/platforms/neotel/position.ts';
import { eventually, makeHarness, settle, type Harness } from '../../dev/neotel/center-harness.ts';

let h: Harness;
afterEach(() => h.center.shutdown());

/** Polls one user's Position like the poller does and keeps every event. */
function observer(user: string): { poll(): PositionSnapshotEvent[]; all: PositionSnapshotEvent[] } {
  let previous: ParsedPosition | null = null;
  const all: PositionSnapshotEvent[] = [];
  return {
    all,
    poll() {
      const next = parsePosition(h.raw(user));
      expect(unusablePositionReason(next)).toBeNull();
      const events = positionEvents(previous, next, h.clock.now());
      previous = next;
      all.push(...events);
      return events;
    },
  };
}

const kinds = (events: readonly PositionSnapshotEvent[]): string[] => events.map((e) => e.kind);

describe('positionEvents on the simulator', () => {
  it('follows login, break, campaign, a predictive delivery, the hang-up and CRM_Available', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    const o = observer('1001');
    expect(o.poll()).toEqual([
      { kind: 'campaignChanged', campaign: null, at: expect.any(Number) },
      { kind: 'breakChanged', subtype: null, at: expect.any(Number) },
    ]);
    h.center.pause('1001', 12);
    expect(o.poll()).toMatchObject([{ kind: 'breakChanged', subtype: 12 }]);
    h.center.unpause('1001');
    expect(o.poll()).toMatchObject([{ kind: 'breakChanged', subtype: null }]);
    h.center.loginCampaign('1001', 97);
    expect(o.poll()).toMatchObject([{ kind: 'campaignChanged', campaign: 97 }]);

    h.center.setDialerRunning(true);
    await eventually(() => expect(h.pbx.lastAgentLeg('SIP/1001')).toBeDefined());
    const ringing = o.poll();
    expect(kinds(ringing)).toEqual(['platformCallStarted', 'contactDelivered']);
    expect(ringing[1]).toMatchObject({
      kind: 'contactDelivered',
      direction: 'outbound',
      contact: { crm: 3, base: 7, contactId: 12345, data: '003Dt000HccIdlkIIC', phone: '1155550101' },
    });
    const callId = (ringing[0] as { callId: string }).callId;
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    // Campaign 97 records every call: the file appears once connected, and only that is new.
    expect(o.poll()).toEqual([
      expect.objectContaining({
        kind: 'platformCallStarted',
        callId,
        platformData: { dialer: 'Predictive', reason: 'NO PROCESADO', outboundCrm: 3, outboundBase: 7, outboundCampaign: 97, recordingFile: expect.stringMatching(new RegExp(`^1155550101-${callId}-\\d{14}\\.mp3$`)) },
      }),
    ]);
    h.center.crmShowingContact('1001', 7, 12345, '003Dt000HccIdlkIIC');
    expect(o.poll()).toEqual([]);
    h.center.setDialerRunning(false);
    h.center.hangup('1001');
    await settle();
    expect(o.poll()).toEqual([{ kind: 'platformCallEnded', callId, at: expect.any(Number) }]);
    expect(o.poll()).toEqual([]); // the record stays on screen: no second delivery, no phantom call
    h.center.crmAvailable('1001');
    expect(o.poll()).toEqual([]);
  });

  it('reports an inbound queue call with its IVR CLAVE and caller, then its end', async () => {
    h = makeHarness();
    h.loginAgent('1001');
    const o = observer('1001');
    o.poll();
    const call = h.center.placeInbound({ number: '2615554444', queue: 4, clave: 'RUT=6007453;ANI=223126917;DV=4;' });
    await eventually(() => expect(h.pbx.agentLegs.length).toBeGreaterThan(0));
    expect(o.poll()).toEqual([
      {
        kind: 'platformCallStarted', callId: call.id, direction: 'inbound', number: '2615554444', queue: 4, campaign: 110, callType: null, clave: 'RUT=6007453;ANI=223126917;DV=4;',
        platformData: { dialer: null, reason: null, outboundCrm: null, outboundBase: null, outboundCampaign: null, recordingFile: null },
        at: expect.any(Number),
      },
    ]);
    h.pbx.agentLegs[0]!.answer();
    await settle();
    // Campaign 110 records every call: the recording file is the one new fact once connected.
    expect(o.poll()).toEqual([expect.objectContaining({ kind: 'platformCallStarted', platformData: expect.objectContaining({ recordingFile: expect.stringMatching(/^2615554444-/) }) })]);
    h.center.customerHangup(call.id);
    await settle();
    expect(kinds(o.poll())).toEqual(['platformCallEnded']);
  });

  it('reports a manual Dial as an outbound Manual call although ESTADO_CRM stays Available', async () => {
    h = makeHarness();
    h.loginAgent('1001', 3);
    const o = observer('1001');
    o.poll();
    h.center.dial('1001', '1155550202');
    const started = o.poll();
    expect(started).toMatchObject([{ kind: 'platformCallStarted', direction: 'outbound', number: '1155550202', callType: 'Manual', campaign: 3 }]);
    h.pbx.lastAgentLeg('SIP/1001')!.answer();
    await settle();
    expect(o.poll()).toEqual([]);
    h.pbx.lastCustomerLeg('1155550202')!.end('remote');
    await settle();
    expect(o.poll()).toMatchObject([{ kind: 'platformCallEnded', callId: (started[0] as { callId: string }).callId }]);
    expect(o.all.filter((e) => e.kind === 'contactDelivered')).toEqual([]);
  });
});
