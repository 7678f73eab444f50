/**
 * The `iceServers` setting: STUN/TURN servers an admin can type in one Setup field.
 *
 * ```
 * stun:stun.example.com:3478 | turns:agent:s3cret@turn.example.com:5349?transport=tcp
 * ```
 *
 * Entries are separated by `|`, commas or white space. Each is a STUN/TURN URI (RFC 7064/7065):
 * `stun:` / `stuns:` / `turn:` / `turns:`, a host (name, IPv4 or `[IPv6]`), an optional port, and for
 * TURN an optional `?transport=udp|tcp`. TURN servers need credentials, written `user:password@`
 * before the host (percent-encode `@ : % |` and spaces inside them); STUN servers must have none.
 * The credentials are split off into `username` / `credential`, as `RTCIceServer` wants them.
 */
import { describeValue } from '../shared/errors.ts';
import type { IceServer } from './config-types.ts';
import { accept, parseHost, refuse, type Parsed } from './value-parsers.ts';

/** Browsers slow down gathering past a handful of servers; ten is already generous. */
export const MAX_ICE_SERVERS = 10;

/** What `iceServers` accepts, as a sentence for error messages. */
export const ICE_SERVERS_EXPECTED =
  'STUN/TURN URLs separated by |, such as stun:stun.example.com:3478 or turn:user:password@turn.example.com:3478?transport=udp ' +
  '(TURN servers need user:password@, STUN servers must not have it), or nothing for no ICE servers';

type EntryResult = { readonly server: IceServer } | { readonly problem: string };

function decodeCredential(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    // A lone % is a typing mistake, reported by the caller as an invalid credential.
    return undefined;
  }
}

function parseEntry(entry: string): EntryResult {
  const schemeMatch = /^(stuns?|turns?):(.*)$/isu.exec(entry);
  if (schemeMatch === null) return { problem: 'does not start with stun:, stuns:, turn: or turns:' };
  const scheme = (schemeMatch[1] ?? '').toLowerCase();
  const isTurn = scheme.startsWith('turn');
  let rest = schemeMatch[2] ?? '';
  if (rest.startsWith('//')) return { problem: 'must not have "//" after the scheme (write turn:host, not turn://host)' };

  let transport: string | undefined;
  const question = rest.indexOf('?');
  if (question >= 0) {
    const query = rest.slice(question + 1);
    rest = rest.slice(0, question);
    const transportMatch = /^transport=(udp|tcp)$/iu.exec(query);
    if (!isTurn || transportMatch === null) return { problem: 'has a query other than ?transport=udp or ?transport=tcp on a TURN server' };
    transport = (transportMatch[1] ?? '').toLowerCase();
    if (scheme === 'turns' && transport === 'udp') return { problem: 'asks for turns: over udp; turns: runs over tcp' };
  }

  let username: string | undefined;
  let credential: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    const userInfo = rest.slice(0, at);
    rest = rest.slice(at + 1);
    const colon = userInfo.indexOf(':');
    username = decodeCredential(colon < 0 ? userInfo : userInfo.slice(0, colon));
    credential = colon < 0 ? '' : decodeCredential(userInfo.slice(colon + 1));
    if (username === undefined || credential === undefined) return { problem: 'has a badly percent-encoded user name or password' };
  }
  if (isTurn && (username === undefined || username === '' || credential === undefined || credential === '')) {
    return { problem: 'is a TURN server without user:password@ before the host' };
  }
  if (!isTurn && username !== undefined) return { problem: 'is a STUN server with a user name; STUN takes no credentials' };

  const hostPort = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/u.exec(rest);
  if (hostPort === null) return { problem: 'has an invalid host or port' };
  const host = parseHost(hostPort[1] ?? '');
  if (!host.ok) return { problem: `has an invalid host ${describeValue(hostPort[1] ?? '')}` };
  const portText = hostPort[2];
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && (port < 1 || port > 65535)) return { problem: `has a port ${port} outside 1-65535` };

  const urls = `${scheme}:${host.value}${port === undefined ? '' : `:${port}`}${transport === undefined ? '' : `?transport=${transport}`}`;
  return { server: username === undefined ? { urls } : { urls, username, credential: credential ?? '' } };
}

/** Parses the `iceServers` setting into `RTCIceServer`-shaped entries (see the module comment). */
export function parseIceServers(text: string): Parsed<readonly IceServer[]> {
  const entries = text.split(/[|,\s]+/u).filter((entry) => entry !== '');
  if (entries.length > MAX_ICE_SERVERS) {
    return refuse(ICE_SERVERS_EXPECTED, `${entries.length} servers are listed, more than the ${MAX_ICE_SERVERS} allowed`);
  }
  const servers: IceServer[] = [];
  for (const [index, entry] of entries.entries()) {
    const result = parseEntry(entry);
    // Never echo a password back into an error panel or a log: quote the entry without it.
    const shown = entry.replace(/^([a-z]+:).*@/iu, '$1***@');
    if ('problem' in result) return refuse(ICE_SERVERS_EXPECTED, `entry ${index + 1} ${describeValue(shown)} ${result.problem}`);
    servers.push(result.server);
  }
  return accept(servers);
}
