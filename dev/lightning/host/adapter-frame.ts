import type { OutgoingMessage } from '../views/rendered.ts';
import { adapterFrameUrl } from './frame-url.ts';

/** A message the adapter frame posted that passed the host's checks. */
export type FrameMessageHandler = (frame: number, data: Record<string, unknown>) => void;

/**
 * The softphone iframe in the utility panel. Like Salesforce's console it accepts a message only
 * when it comes from this very frame (`event.source`), from the adapter's origin, and carries
 * `apiType: "opencti"`; everything else is ignored.
 */
export class AdapterFrame {
  generation = 0;
  private iframe: HTMLIFrameElement | undefined;
  private origin = '';

  constructor(
    private readonly container: HTMLElement,
    private readonly onMessage: FrameMessageHandler,
  ) {
    window.addEventListener('message', (event) => this.receive(event));
  }

  /** (Re)creates the iframe as generation `frame`, framing `adapterUrl`. */
  load(frame: number, adapterUrl: string): void {
    this.iframe?.remove();
    this.iframe = undefined;
    this.generation = frame;
    if (adapterUrl === '') return;
    const src = adapterFrameUrl(adapterUrl, location.origin, location.href);
    this.origin = new URL(src).origin;
    const iframe = document.createElement('iframe');
    iframe.className = 'openctiSoftPhone';
    iframe.title = 'Softphone';
    iframe.setAttribute('allow', 'microphone; autoplay');
    iframe.dataset.frame = String(frame);
    iframe.src = src;
    this.container.append(iframe);
    this.iframe = iframe;
  }

  /** Posts messages into the frame, if it is still generation `frame`. */
  post(frame: number, messages: readonly OutgoingMessage[]): void {
    const target = this.iframe?.contentWindow;
    if (!target || frame !== this.generation) return;
    for (const message of messages) target.postMessage(message, this.origin);
  }

  private receive(event: MessageEvent): void {
    const adapterWindow = this.iframe?.contentWindow;
    if (!adapterWindow || event.source !== adapterWindow) return;
    if (event.origin !== this.origin) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null || (data as Record<string, unknown>).apiType !== 'opencti') return;
    this.onMessage(this.generation, data as Record<string, unknown>);
  }
}
