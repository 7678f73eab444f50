import type { MethodHandler } from './method-context.ts';
import { invalidParam, success } from './protocol.ts';

/**
 * Lightning Message Service (API 47+) and Sales Engagement work (API 46+). Subscriptions are
 * per softphone instance; `publish` reaches every subscribed softphone, the publisher included.
 */
export const LMS_METHODS: Readonly<Record<string, MethodHandler>> = {
  subscribe: ({ tab, args, request }) => {
    const channel = args.eventName;
    if (typeof channel !== 'string' || channel === '') return invalidParam('channelName', 'a Lightning message channel API name', channel);
    tab.addListener('subscribe', request.apiVersion, channel);
    return success(null);
  },
  unsubscribe: ({ tab, args }) => {
    const channel = args.eventName;
    if (typeof channel !== 'string' || channel === '') return invalidParam('channelName', 'a Lightning message channel API name', channel);
    tab.removeListener('subscribe', channel);
    return success(null);
  },
  publish: ({ org, args }) => {
    const channel = args.eventName;
    if (typeof channel !== 'string' || channel === '') return invalidParam('channelName', 'a Lightning message channel API name', channel);
    org.publish(channel, args.message ?? null);
    return success(null);
  },
  onWorkStart: ({ tab, request }) => {
    tab.addListener('onWorkStart', request.apiVersion);
    return success(null);
  },
  completeWork: ({ org, args }) => {
    if (typeof args.workId !== 'string' || args.workId === '') return invalidParam('workId', 'the work item id from onWorkStart', args.workId);
    const attributes = args.attributes;
    if (attributes !== undefined && (typeof attributes !== 'object' || attributes === null)) {
      return invalidParam('attributes', 'an object {disposition, taskId, wasConnected}', attributes);
    }
    org.completedWork.push({ workId: args.workId, attributes: attributes ?? {} });
    return success(null);
  },
};
