import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sharedWhilePending } from '../../src/app/media-queries.ts';
import { warmUpSipStack } from '../../src/sip/warm-up.ts';
import type { SipPhoneOptions } from '../../src/sip/index.ts';

/** A stand-in for the sip.js chunk that counts the warm-ups. */
function chunk() {
  const warmUps: number[] = [];
  class SipPhone {
    state = 'unregistered';
    on() {
      return () => undefined;
    }
  }
  return { warmUps, load: () => Promise.resolve({ SipPhone, warmUpSipStack: () => warmUps.push(1) } as never) };
}

describe('the sip.js chunk before the login (issue 18)', () => {
  beforeEach(() => {
    // preloadSipPhone keeps its chunk per module instance: each test gets a fresh one.
    vi.resetModules();
  });

  it('runs the parser warm-up once the chunk is in, and loads the chunk once', async () => {
    const { preloadSipPhone } = await import('../../src/app/lazy-phone.ts');
    const fake = chunk();
    await preloadSipPhone(fake.load);
    await preloadSipPhone(fake.load);
    await Promise.resolve();
    expect(fake.warmUps).toEqual([1]);
  });

  it('skips the warm-up when a phone is already registering: it would compete with its REGISTER', async () => {
    const { LazyPhone, preloadSipPhone } = await import('../../src/app/lazy-phone.ts');
    const fake = chunk();
    const loading = preloadSipPhone(fake.load);
    new LazyPhone({} as SipPhoneOptions, () => loading);
    await loading;
    await Promise.resolve();
    expect(fake.warmUps).toEqual([]);
  });

  it('skips the warm-up when the chunk is loaded for a reload whose session registers the phone moments later', async () => {
    const { preloadSipPhoneForReload } = await import('../../src/app/sip-chunk.ts');
    const fake = chunk();
    await preloadSipPhoneForReload(fake.load);
    await Promise.resolve();
    expect(fake.warmUps).toEqual([]);
  });

  it('the warm-up parses a URI and a REGISTER answer with the real sip.js, sending nothing', () => {
    expect(() => warmUpSipStack('pbx.example.com')).not.toThrow();
    expect(() => warmUpSipStack()).not.toThrow();
  });
});

describe('device and permission queries shared while pending', () => {
  it('callers that come while the answer is on its way share it; a later call asks afresh', async () => {
    let asked = 0;
    let release: (value: number) => void = () => undefined;
    const ask = sharedWhilePending(() => {
      asked += 1;
      return new Promise<number>((resolve) => (release = resolve));
    });
    const first = ask();
    const second = ask();
    expect(asked).toBe(1);
    release(7);
    expect(await first).toBe(7);
    expect(await second).toBe(7);
    const third = ask();
    expect(asked).toBe(2);
    release(8);
    expect(await third).toBe(8);
  });

  it('a refusal reaches every waiting caller, and the next call asks again', async () => {
    let asked = 0;
    const ask = sharedWhilePending(() => {
      asked += 1;
      return Promise.reject(new Error(`refused ${asked}`));
    });
    const results = await Promise.allSettled([ask(), ask()]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['Error: refused 1', 'Error: refused 1']);
    await expect(ask()).rejects.toThrow('refused 2');
  });
});
