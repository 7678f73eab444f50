/**
 * rtpengine between the browser (WebRTC: ICE, DTLS-SRTP, rtcp-mux) and baresip (plain RTP/AVP),
 * userspace only (no kernel module, `--table=-1`), on 127.0.0.1 with its own ports
 * (sip-test-stack.md, "rtpengine additions"). Kamailio drives it over the ng protocol.
 */
import { existsSync } from 'node:fs';
import { freePort } from '../../../dev/kamailio/kamailio.ts';
import { startHelper, type Helper } from './child-process.ts';

export const RTPENGINE_PATH = process.env.RTPENGINE_PATH ?? '/usr/bin/rtpengine';

export interface RunningRtpengine {
  /** `udp:127.0.0.1:<port>` for Kamailio's `rtpengine_sock`. */
  readonly ngSock: string;
  readonly helper: Helper;
  stop(): Promise<void>;
}

/** Starts rtpengine with media ports `[portMin, portMin + 199]`; resolves once it says it is up. */
export async function startRtpengine(portMin: number, maxLifetimeMs: number): Promise<RunningRtpengine> {
  if (!existsSync(RTPENGINE_PATH)) {
    throw new Error(`rtpengine is not installed (missing ${RTPENGINE_PATH}): apt-get install --no-install-recommends rtpengine-daemon (.ci/run installs it).`);
  }
  const ngPort = await freePort();
  const helper = startHelper(
    'rtpengine',
    RTPENGINE_PATH,
    [
      '--config-file=none', '--foreground', '--log-stderr', '--log-level=6', '--table=-1', '--interface=127.0.0.1',
      `--listen-ng=127.0.0.1:${ngPort}`, `--port-min=${portMin}`, `--port-max=${portMin + 199}`,
    ],
    { maxLifetimeMs },
  );
  await helper.waitFor(/Startup complete/, 10_000);
  return { ngSock: `udp:127.0.0.1:${ngPort}`, helper, stop: () => helper.stop() };
}
