import { invalidArgument, malformed, notSupported } from './errors.ts';
import { invokeWithCallback } from './invoke.ts';
import type { CallOptions } from './invoke.ts';
import type { ListenerProblemSink } from './listener-fanout.ts';
import { SubscribeLine } from './subscribe-line.ts';
import type { ReplySource } from './subscribe-line.ts';
import type { LmsSubscription, OpenCtiLightning } from './types.ts';

/** Ends one Lightning Message Service subscription; resolves once Salesforce confirmed if needed. */
export type MessageUnsubscribe = (options?: CallOptions) => Promise<void>;

/** The first API version with `subscribe`/`unsubscribe`/`publish`. */
const LMS_SINCE = 47;

interface Channel {
  readonly subscribers: Set<{ listener: (message: unknown) => void }>;
  readonly subscription: Promise<LmsSubscription>;
}

/**
 * Lightning Message Service over Open CTI, with one raw `subscribe` per channel fanned out to any
 * number of subscribers. The raw subscription is ended (`unsubscribe`) when its last subscriber
 * leaves, which is also the only case in which the library answers `unsubscribe` at all.
 */
export class MessageChannels {
  readonly #raw: OpenCtiLightning;
  readonly #timeoutFor: (options: CallOptions | undefined) => number;
  readonly #report: ListenerProblemSink;
  readonly #channels = new Map<string, Channel>();
  readonly #line: SubscribeLine;

  /** `replies` lets a reply the library cannot deliver end a subscribe at once (subscribe-line.ts). */
  constructor(
    raw: OpenCtiLightning,
    timeoutFor: (options: CallOptions | undefined) => number,
    report: ListenerProblemSink,
    replies?: ReplySource,
  ) {
    this.#raw = raw;
    this.#timeoutFor = timeoutFor;
    this.#report = report;
    this.#line = new SubscribeLine(replies);
  }

  /** Whether the loaded library has LMS (API 47+). */
  get supported(): boolean {
    return typeof this.#raw.subscribe === 'function' && typeof this.#raw.publish === 'function';
  }

  /** See `OpenCti.subscribe`. */
  async subscribe(
    args: { channelName: string; listener: (message: unknown) => void },
    options?: CallOptions,
  ): Promise<MessageUnsubscribe> {
    const raw = this.#raw;
    if (typeof raw.subscribe !== 'function') throw notSupported('subscribe', LMS_SINCE);
    checkChannelName('subscribe', args.channelName);
    if (typeof args.listener !== 'function') {
      throw invalidArgument('subscribe', 'listener', args.listener, 'a function');
    }
    const { channelName } = args;
    const channel = this.#channels.get(channelName) ?? this.#open(raw, channelName, options);
    const entry = { listener: args.listener };
    channel.subscribers.add(entry);
    let subscription: LmsSubscription;
    try {
      subscription = await channel.subscription;
    } catch (error) {
      channel.subscribers.delete(entry);
      throw error;
    }
    return async (unsubscribeOptions?: CallOptions) => {
      if (!channel.subscribers.delete(entry) || channel.subscribers.size > 0) return;
      if (this.#channels.get(channelName) === channel) this.#channels.delete(channelName);
      // Without `unsubscribe` the raw listener stays, but nobody is attached to it any more.
      if (typeof raw.unsubscribe !== 'function') return;
      await invokeWithCallback({
        method: 'unsubscribe',
        args: { channelName },
        send: (callback) => {
          raw.unsubscribe?.({ subscription, callback });
        },
        decode: () => undefined,
        timeoutMs: this.#timeoutFor(unsubscribeOptions),
        signal: unsubscribeOptions?.signal,
      });
    };
  }

  /** See `OpenCti.publish`. */
  async publish(
    args: { channelName: string; message: object | null },
    options?: CallOptions,
  ): Promise<void> {
    const raw = this.#raw;
    if (typeof raw.publish !== 'function') throw notSupported('publish', LMS_SINCE);
    checkChannelName('publish', args.channelName);
    if (typeof args.message !== 'object') {
      throw invalidArgument('publish', 'message', args.message, 'a JSON-serialisable object');
    }
    await invokeWithCallback({
      method: 'publish',
      args,
      send: (callback) => {
        raw.publish?.({ channelName: args.channelName, message: args.message, callback });
      },
      decode: () => undefined,
      timeoutMs: this.#timeoutFor(options),
      signal: options?.signal,
    });
  }

  #open(raw: OpenCtiLightning, channelName: string, options: CallOptions | undefined): Channel {
    const subscribers = new Set<{ listener: (message: unknown) => void }>();
    // The raw listener is bound to this channel object: if it is replaced after a failure, a late
    // delivery to the old raw listener reaches nobody instead of doubling messages.
    const rawListener = (message: unknown): void => {
      for (const entry of [...subscribers]) {
        try {
          entry.listener(message);
        } catch (problem) {
          this.#report(problem, 'subscribe');
        }
      }
    };
    const subscription = this.#line.run((failWhen) =>
      invokeWithCallback({
        method: 'subscribe',
        args: { channelName },
        send: (callback) => {
          raw.subscribe?.({ channelName, listener: rawListener, callback });
        },
        // The library adds the handle only to a `success: true` reply, so a failed one has none
        // and is reported from its `errors` before this runs.
        decode: (_returnValue, response): LmsSubscription => {
          const handle = response.subscription;
          if (typeof handle !== 'object' || handle === null) {
            throw malformed('subscribe', 'answered without a subscription handle:', response, 'a `subscription` object next to returnValue');
          }
          return handle;
        },
        timeoutMs: this.#timeoutFor(options),
        signal: options?.signal,
        failWhen,
      }),
    );
    const channel: Channel = { subscribers, subscription };
    this.#channels.set(channelName, channel);
    subscription.catch(() => {
      // The library drops its listener when the host refuses; forget the channel so the next
      // subscribe starts afresh. The rejection itself reaches every waiting subscriber.
      subscribers.clear();
      if (this.#channels.get(channelName) === channel) this.#channels.delete(channelName);
    });
    return channel;
  }
}

function checkChannelName(method: string, channelName: unknown): void {
  if (typeof channelName !== 'string' || channelName.trim() === '') {
    throw invalidArgument(method, 'channelName', channelName, 'a Lightning Message Channel API name such as "Dialtone__c"');
  }
}
