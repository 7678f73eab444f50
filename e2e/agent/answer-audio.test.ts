/**
 * Issue 18, INVITE in → 200 OK out and dial → ACK: the far end's audio starts once the phone's
 * 200 OK is out and ACKed, not while it answers. An incoming call's remote track arrives with the
 * INVITE's offer; an `<audio>` element starting to play it took the main thread for 5–10 ms between
 * the offer and the 200 OK (the media element's load), and right after the 200 OK it delayed the
 * ACK; nothing can be heard before ICE and DTLS are through, after the ACK
 * (docs/benchmarks.md, "Eleventh pass (a)"). In the real console: a dial, whose platform leg the
 * phone answers by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentConsole, type AgentTab } from './support/agent-console.ts';
import { openReadyTab, untilStatus } from './support/agent-steps.ts';

const DIALLED = '1139990001';

declare global {
  interface Window {
    __answerOrder?: string[];
  }
}

describe('the automatic answer and the far end’s audio', () => {
  let rig: AgentConsole;
  let tab: AgentTab;
  beforeAll(async () => {
    rig = await AgentConsole.start();
    tab = await openReadyTab(rig, { neverAnswer: DIALLED });
  });
  afterAll(async () => {
    await rig.close();
  });

  it('plays the far end once the 200 OK is out and ACKed', async () => {
    // Records, in order, the 200 OK to an INVITE leaving, the ACK read and the call's <audio> getting its stream.
    await tab.adapter.evaluate(() => {
      const order: string[] = [];
      window.__answerOrder = order;
      const source = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
      if (!source?.set || !source.get) throw new Error('HTMLMediaElement.prototype.srcObject has no accessor to wrap');
      Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
        ...source,
        set(this: HTMLMediaElement, value: MediaProvider | null) {
          if (value !== null && this.dataset.dialtone === 'remote-audio') order.push('audio');
          source.set?.call(this, value);
        },
      });
      // sip.js reads each incoming message's data: the first read of an ACK is when the page took it.
      const data = Object.getOwnPropertyDescriptor(MessageEvent.prototype, 'data');
      if (!data?.get) throw new Error('MessageEvent.prototype.data has no getter to wrap');
      const read = new WeakSet<MessageEvent>();
      Object.defineProperty(MessageEvent.prototype, 'data', {
        ...data,
        get(this: MessageEvent): unknown {
          const value: unknown = data.get?.call(this);
          if (!read.has(this) && typeof value === 'string' && value.startsWith('ACK ')) order.push('ACK');
          read.add(this);
          return value;
        },
      });
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the socket as `this`
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
        if (typeof data === 'string' && data.startsWith('SIP/2.0 200') && /\r\nCSeq:\s*\d+\s+INVITE/i.test(data)) order.push('200 OK');
        send.call(this, data);
      };
    });
    await tab.adapter.getByTestId('dial-input').fill(DIALLED);
    await tab.adapter.getByTestId('dial-button').click();
    await untilStatus(tab.adapter, ['inCall'], 20_000);
    await expect.poll(() => tab.adapter.evaluate(() => window.__answerOrder ?? []), { message: 'the call’s audio got its stream' }).toContain('audio');
    const order = await tab.adapter.evaluate(() => window.__answerOrder ?? []);
    expect(order.slice(0, 3), 'the 200 OK, its ACK, then the far end’s audio').toEqual(['200 OK', 'ACK', 'audio']);
    const playing = await tab.adapter.evaluate(() => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        const audio = root.querySelector<HTMLAudioElement>('audio[data-dialtone="remote-audio"]');
        if (audio) return audio.srcObject instanceof MediaStream && audio.srcObject.getAudioTracks().length > 0;
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      }
      return false;
    });
    expect(playing, 'the remote <audio> plays the call’s track').toBe(true);
    await tab.adapter.getByTestId('hang-up').click();
  });
});
