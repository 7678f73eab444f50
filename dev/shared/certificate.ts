import { isIP } from 'node:net';
import { generate } from 'selfsigned';

/** A PEM key pair for a local https server. */
export interface DevCertificate {
  key: string;
  cert: string;
}

const cache = new Map<string, Promise<DevCertificate>>();

/**
 * A self-signed certificate valid for the given host names and IP addresses (wildcards such as
 * `*.lightning.force.com` allowed), plus `localhost` and `127.0.0.1`. Browsers in tests accept it
 * with `--ignore-certificate-errors`; it is generated once per process and set of names.
 */
export function devCertificate(hostNames: readonly string[]): Promise<DevCertificate> {
  const names = [...new Set([...hostNames, 'localhost', '127.0.0.1'])].sort();
  const cacheKey = names.join(',');
  let pending = cache.get(cacheKey);
  if (!pending) {
    pending = generateCertificate(names);
    cache.set(cacheKey, pending);
  }
  return pending;
}

async function generateCertificate(names: readonly string[]): Promise<DevCertificate> {
  const commonName = names.find((n) => isIP(n) === 0 && n !== 'localhost') ?? 'localhost';
  const altNames = names.map((n) => (isIP(n) === 0 ? { type: 2 as const, value: n } : { type: 7 as const, ip: n }));
  const now = Date.now();
  const result = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 86_400_000),
    notAfterDate: new Date(now + 30 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { key: result.private, cert: result.cert };
}
