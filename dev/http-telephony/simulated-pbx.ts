/**
 * The HTTP telephony stand-in's PBX for `npm start -- --platform sip`: the Neotel simulator's PBX
 * (dev/neotel/pbx) playing a plain SIP PBX behind the click-to-call API. `originate` rings the
 * agent's extension with the customer's number (the softphone answers: it asked for the call),
 * then calls the simulated customer (a 700 Hz tone) and bridges them in a room recorded under the
 * call id, which `GET /gravacao` serves once the call is over. Either side hanging up ends both.
 */
import { twoPartyRouting, type Pbx } from '../neotel/pbx/index.ts';
import type { TelephonyPbx } from './server.ts';

/** What a demo customer sounds like and how long they take to answer. */
export interface DemoCustomer {
  readonly toneHz: number;
  readonly answerAfterMs: number;
}

const DEFAULT_CUSTOMER: DemoCustomer = { toneHz: 700, answerAfterMs: 1500 };

/** A {@link TelephonyPbx} over the simulated PBX. */
export function simulatedTelephonyPbx(pbx: Pbx, customer: DemoCustomer = DEFAULT_CUSTOMER): TelephonyPbx {
  const ended = new Set<string>();
  return {
    originate: (ramal, telefone, callId) => {
      const room = pbx.createRoom(callId);
      const agent = pbx.callAgent({ device: `SIP/${ramal}`, callId, fromNumber: telefone, platformOriginated: true });
      agent.on('answered', () => {
        const other = pbx.callCustomer({ number: telefone, toneHz: customer.toneHz, answerAfterMs: customer.answerAfterMs });
        room.setRouting(twoPartyRouting(agent.id, other.id));
        other.on('ended', () => agent.hangup());
        agent.on('ended', () => other.hangup());
      });
      agent.on('ended', () => ended.add(callId));
      return Promise.resolve();
    },
    recording: (callId) => Promise.resolve(ended.has(callId) ? pbx.recording(callId)?.wav() : undefined),
  };
}
