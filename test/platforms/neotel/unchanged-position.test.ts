import { describe, expect, it } from 'vitest';
import { NeoApiClient } from '../../../src/platforms/neotel/client.ts';
import { NeoApiError } from '../../../src/platforms/neotel/errors.ts';
import type { PositionPollerEvent } from '../../../src/platforms/neotel/position-events.ts';
import type { ParsedPosition } from '../../../src/platforms/neotel/position.ts';
import { PositionPoller } from '../../../src/platforms/neotel/position-poller.ts';
import type { Ticker } from '../../../src/platforms/neotel/ticker.ts';
import { callNeoApi, type LastAnswer, type TransportSettings } from '../../../src/platforms/neotel/transport.ts';
import { MANUAL_CALL, NEWER_IDLE } from './position-samples.ts';

// The Position poll runs every second and its answer rarely changes: an unchanged answer is
// neither decoded nor parsed again (issue 18: idle garbage ≤ 50 KB/min).

const xml = (text: string): string => `<?xml version="1.0" encoding="utf-8"?><string xmlns="http://tempuri.org/">${text}</string>`;

function settingsAnswering(bodies: { status: number; body: string }[]): TransportSettings {
  return {
    serviceUrl: 'https://neotel.example/neoapi/webservice.asmx',
    binding: 'POST',
    timeoutMs: 5000,
    maxBodyBytes: 1 << 20,
    log: undefined,
    now: () => 0,
    fetch: () => {
      const next = bodies.shift();
      if (next === undefined) throw new Error('the test scripted no more answers');
      return Promise.resolve(new Response(next.body, { status: next.status, headers: { 'Content-Type': 'text/xml; charset=utf-8' } }));
    },
  };
}

describe('an unchanged NeoApi answer is not decoded again', () => {
  it('returns the remembered value for the same 200 body, and decodes a changed one', async () => {
    const settings = settingsAnswering([{ status: 200, body: xml('ESTADO=1|') }, { status: 200, body: xml('ESTADO=1|') }, { status: 200, body: xml('ESTADO=2|') }]);
    const memo: LastAnswer = { method: '', body: null, contentType: '', value: undefined };
    expect(await callNeoApi(settings, 'Position', { USUARIO: '1001' }, { lastAnswer: memo })).toBe('ESTADO=1|');
    // Planted: were the same body decoded again, the call would answer ESTADO=1| instead.
    memo.value = 'remembered';
    expect(await callNeoApi(settings, 'Position', { USUARIO: '1001' }, { lastAnswer: memo })).toBe('remembered');
    expect(await callNeoApi(settings, 'Position', { USUARIO: '1001' }, { lastAnswer: memo })).toBe('ESTADO=2|');
    expect(memo.body).toBe(xml('ESTADO=2|'));
  });

  it('never reuses a value for an error answer with the remembered body text', async () => {
    const settings = settingsAnswering([{ status: 200, body: xml('ESTADO=1|') }, { status: 500, body: xml('ESTADO=1|') }]);
    const memo: LastAnswer = { method: '', body: null, contentType: '', value: undefined };
    await callNeoApi(settings, 'Position', { USUARIO: '1001' }, { lastAnswer: memo });
    await expect(callNeoApi(settings, 'Position', { USUARIO: '1001' }, { lastAnswer: memo })).rejects.toBeInstanceOf(NeoApiError);
  });

  it('NeoApiClient.position answers each poll with the current text', async () => {
    const answers = [xml('ESTADO=1|'), xml('ESTADO=1|'), xml('ESTADO=3|')];
    const client = new NeoApiClient({
      serviceUrl: 'https://neotel.example/neoapi/webservice.asmx',
      binding: 'POST',
      timeoutMs: 5000,
      fetch: () => Promise.resolve(new Response(answers.shift() ?? '', { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } })),
    });
    expect([await client.position('1001'), await client.position('1001'), await client.position('1001')]).toEqual(['ESTADO=1|', 'ESTADO=1|', 'ESTADO=3|']);
  });
});

/** Fires each timer as soon as the test asks. */
class StepTicker implements Ticker {
  readonly kind = 'timeout';
  private due: (() => void) | null = null;
  after(_delayMs: number, tick: () => void): () => void {
    this.due = tick;
    return () => (this.due = null);
  }
  dispose(): void {
    this.due = null;
  }
  async step(): Promise<void> {
    const tick = this.due;
    this.due = null;
    tick?.();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  }
}

describe('the Position poller skips an unchanged text', () => {
  it('parses (and reports a snapshot for) a text only when it differs from the last good one', async () => {
    const script: (string | Error)[] = [MANUAL_CALL, MANUAL_CALL, MANUAL_CALL, new NeoApiError('TIMEOUT', 'Position', 'no answer'), MANUAL_CALL, NEWER_IDLE, NEWER_IDLE];
    const ticker = new StepTicker();
    const snapshots: ParsedPosition[] = [];
    const events: PositionPollerEvent[] = [];
    const poller = new PositionPoller({
      client: { position: () => { const next = script.shift() ?? NEWER_IDLE; return next instanceof Error ? Promise.reject(next) : Promise.resolve(next); } },
      user: '1001',
      onEvent: (event) => events.push(event),
      onSnapshot: (position) => snapshots.push(position),
      ticker,
      now: () => 0,
    });
    poller.start();
    for (let i = 0; i < 7; i++) await ticker.step();
    poller.stop();
    expect(snapshots.map((s) => s.callId)).toEqual(['1159449', undefined]);
    // The unchanged text after an outage still recovers; the call is neither ended nor restarted by it.
    expect(events.map((e) => e.kind)).toEqual(['campaignChanged', 'breakChanged', 'platformCallStarted', 'platformDegraded', 'platformRecovered', 'platformCallEnded', 'campaignChanged']);
    expect(poller.stats).toMatchObject({ polls: 7, failures: 1 });
  });
});
