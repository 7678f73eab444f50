/**
 * dev/http-telephony's stand-in in front of Kamailio + baresip: `originate` has the customer
 * baresip call the agent's extension (`ramal`), and a call's recording is baresip's decoded audio
 * of it (what the customer heard: the agent), as a WAV, once baresip has closed the call.
 */
import { startHttpTelephony, type RunningHttpTelephony } from '../../../dev/http-telephony/server.ts';
import { encodeWav } from '../../../dev/neotel/pbx/media/wav.ts';
import type { Baresip } from './baresip.ts';
import { heardSince } from './sip-platform-world.ts';

/** Starts the stand-in on loopback; `chave` is the key every request must carry, `endNotifyUrl` seed 002's listener. */
export function startBaresipTelephony(customer: Baresip, chave: string, endNotifyUrl?: string): Promise<RunningHttpTelephony> {
  const placed = new Map<string, { line: number; files: number }>();
  return startHttpTelephony({
    chave,
    ...(endNotifyUrl === undefined ? {} : { endNotifyUrl }),
    pbx: {
      originate: async (ramal, _telefone, callId) => {
        placed.set(callId, { line: customer.helper.lines().length, files: await customer.recordingCount() });
        await customer.dial(ramal);
      },
      recording: async (callId) => {
        const call = placed.get(callId);
        if (!call || !customer.helper.lines().slice(call.line).some((line) => line.includes('terminated (duration'))) return undefined;
        const heard = await heardSince(customer, call.files);
        return encodeWav(heard.samples, heard.sampleRate);
      },
    },
  });
}
