/**
 * The few SDP edits and reads the PBX needs around werift (werift-probe.md pitfalls 1, 2, 5):
 * keep only loopback ICE candidates from the browser, drop telephone-event payload types whose
 * clock is not 8000 Hz, and read the offered audio direction for hold.
 */

export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

function lines(sdp: string): string[] {
  return sdp.split(/\r?\n/).filter((line) => line.length > 0);
}

function join(sdpLines: readonly string[]): string {
  return `${sdpLines.join('\r\n')}\r\n`;
}

/**
 * Removes every `a=candidate` whose address is not in `allowed` (incl. mDNS `.local` names,
 * which would make werift start a multicast lookup) and every non-UDP candidate.
 */
export function keepCandidates(sdp: string, allowed: readonly string[] = ['127.0.0.1']): string {
  return join(lines(sdp).filter((line) => {
    if (!line.startsWith('a=candidate:')) return true;
    const parts = line.slice('a=candidate:'.length).split(' ');
    return parts[2]?.toLowerCase() === 'udp' && allowed.includes(parts[4] ?? '');
  }));
}

/**
 * Drops `telephone-event` formats not at 8000 Hz from every m= line. werift matches codecs by
 * name only and would pick Chrome's telephone-event/48000 (pitfall 5: digits then last ~600 ms
 * and most are lost).
 */
export function dropWidebandTelephoneEvents(sdp: string): string {
  const all = lines(sdp);
  const drop = new Set<string>();
  for (const line of all) {
    const match = /^a=rtpmap:(\d+) telephone-event\/(\d+)/i.exec(line);
    if (match && match[2] !== '8000') drop.add(match[1]!);
  }
  if (drop.size === 0) return sdp;
  return join(all
    .filter((line) => {
      const match = /^a=(?:rtpmap|fmtp|rtcp-fb):(\d+)[ ]/.exec(line);
      return !match || !drop.has(match[1]!);
    })
    .map((line) => {
      if (!line.startsWith('m=')) return line;
      const [media, port, proto, ...formats] = line.split(' ');
      return [media, port, proto, ...formats.filter((pt) => !drop.has(pt))].join(' ');
    }));
}

/** Direction of the first audio section (session-level attribute as fallback; default sendrecv). */
export function audioDirection(sdp: string): MediaDirection {
  let sessionLevel: MediaDirection = 'sendrecv';
  let inAudio = false;
  let seenAudio = false;
  for (const line of lines(sdp)) {
    if (line.startsWith('m=')) {
      if (seenAudio) break;
      inAudio = line.startsWith('m=audio');
      seenAudio ||= inAudio;
      // A rejected/disabled stream (port 0) carries nothing either way.
      if (inAudio && line.startsWith('m=audio 0 ')) return 'inactive';
      continue;
    }
    const match = /^a=(sendrecv|sendonly|recvonly|inactive)$/.exec(line);
    if (!match) continue;
    if (inAudio) return match[1] as MediaDirection;
    if (!seenAudio) sessionLevel = match[1] as MediaDirection;
  }
  return sessionLevel;
}

/** Payload types mapped to telephone-event/8000 (RFC 4733 DTMF). */
export function telephoneEventPayloadTypes(sdp: string): Set<number> {
  const types = new Set<number>();
  for (const line of lines(sdp)) {
    const match = /^a=rtpmap:(\d+) telephone-event\/8000/i.exec(line);
    if (match) types.add(Number(match[1]));
  }
  return types;
}

/** Whether a direction lets us send to the peer, seen from the side that *received* it. */
export function peerAcceptsMedia(remoteDirection: MediaDirection): boolean {
  return remoteDirection === 'sendrecv' || remoteDirection === 'recvonly';
}
