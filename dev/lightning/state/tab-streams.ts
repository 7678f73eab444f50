import type { ServerResponse } from 'node:http';
import type { HostUpdate } from '../views/rendered.ts';
import type { HostTab } from './host-tab.ts';

/** How long a push waits for the page to say it applied the update. */
const ACK_TIMEOUT_MS = 5000;
/** Comment line keeping idle streams open through proxies and timers. */
const KEEPALIVE_MS = 15_000;

/** Thrown when a push cannot reach its page; carries the HTTP status for the control API. */
export class PushError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'PushError';
  }
}

/**
 * Server-sent event streams to the host pages. A push resolves once the page has applied the
 * update (rendered the view and posted the messages into the adapter frame) and acknowledged it,
 * so a control-API call returns only after its effect is visible.
 */
export class TabStreams {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: () => void; timer: NodeJS.Timeout }>();
  private readonly keepalive = new Map<string, NodeJS.Timeout>();

  /** Makes `res` the tab's event stream (replacing an older one after a reconnect). */
  attach(tab: HostTab, res: ServerResponse, onClose: () => void): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    tab.stream?.end();
    tab.stream = res;
    clearInterval(this.keepalive.get(tab.id));
    this.keepalive.set(
      tab.id,
      setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS),
    );
    res.on('close', () => {
      if (tab.stream === res) {
        tab.stream = undefined;
        clearInterval(this.keepalive.get(tab.id));
        this.keepalive.delete(tab.id);
        onClose();
      }
    });
  }

  /** Sends `update` to the tab's page and waits for its acknowledgement. */
  push(tab: HostTab, update: HostUpdate): Promise<void> {
    const stream = tab.stream;
    if (!stream) return Promise.reject(new PushError(`Console ${tab.id} is not connected (its page is closed or still loading).`, 409));
    const seq = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(seq);
        reject(new PushError(`Console ${tab.id} did not apply update ${seq} within ${ACK_TIMEOUT_MS} ms.`, 504));
      }, ACK_TIMEOUT_MS);
      this.pending.set(seq, { resolve, timer });
      stream.write(`data: ${JSON.stringify({ seq, update })}\n\n`);
    });
  }

  /** The page applied update `seq`. */
  ack(seq: number): void {
    const waiting = this.pending.get(seq);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    this.pending.delete(seq);
    waiting.resolve();
  }

  /** Ends every stream and pending push (server shutdown). */
  closeAll(tabs: Iterable<HostTab>): void {
    for (const tab of tabs) tab.stream?.end();
    for (const timer of this.keepalive.values()) clearInterval(timer);
    this.keepalive.clear();
    for (const { timer, resolve } of this.pending.values()) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }
}
