import type { SessionDescriptionHandlerFactory, UserAgentOptions } from 'sip.js';
import type { SipPhoneOptions } from './types.ts';

/**
 * The sip.js UserAgent settings of the phone, from its options: digest credentials, the
 * WebSocket (5 s connect timeout, CRLF keep-alive every 25 s), and the SDP defaults of every
 * call, incoming or outgoing. `delegate` and `uri` are the registration's to set.
 */
export function userAgentOptions(options: SipPhoneOptions, sessionDescriptionHandlerFactory: SessionDescriptionHandlerFactory): Omit<UserAgentOptions, 'delegate' | 'uri'> {
  const { connection, credentials } = options;
  return {
    authorizationUsername: credentials.authorizationUser ?? credentials.user,
    authorizationPassword: credentials.password,
    ...(credentials.displayName === undefined ? {} : { displayName: credentials.displayName }),
    transportOptions: { server: connection.sipWebSocketUrl, connectionTimeout: 5, keepAliveInterval: 25 },
    logLevel: options.logLevel ?? 'error',
    userAgentString: 'Dialtone',
    sessionDescriptionHandlerFactory,
    sessionDescriptionHandlerFactoryOptions: {
      // Never sip.js's default Google STUN server (sip-test-stack.md pitfall 1).
      peerConnectionConfiguration: { iceServers: connection.iceServers.map((server) => ({ ...server })) },
      iceGatheringTimeout: connection.iceGatheringTimeoutMs,
    },
  };
}
