import { describe, expect, it } from 'vitest';
import { adapterTrustFor } from '../../../dev/shared/adapter-trust.ts';
import { checkTrustedOrigin, parseTrustPolicy } from '../../../src/opencti/trusted-origin.ts';

describe('adapterTrustFor: how the dev servers host the adapter for their console', () => {
  it('lists a localhost console as a dev origin and lets only it frame the adapter', () => {
    const trust = adapterTrustFor(['http://localhost:8080']);
    expect(trust).toEqual({ policy: { salesforceHosts: [], devOrigins: ['http://localhost:8080'] }, contentSecurityPolicy: 'frame-ancestors http://localhost:8080' });
    expect(checkTrustedOrigin('http://localhost:8080', trust.policy).ok).toBe(true);
    expect(checkTrustedOrigin('http://localhost:8081', trust.policy).ok).toBe(false);
  });

  it('pins a *.lightning.force.com console and keeps its port in frame-ancestors', () => {
    const trust = adapterTrustFor(['https://acme.lightning.force.com:40123']);
    expect(trust.policy).toEqual({ salesforceHosts: ['acme.lightning.force.com'], devOrigins: [] });
    expect(trust.contentSecurityPolicy).toBe('frame-ancestors https://acme.lightning.force.com:40123');
    expect(checkTrustedOrigin('https://other.lightning.force.com:40123', trust.policy).ok).toBe(false);
  });

  it('leaves out a console that is neither loopback nor Salesforce (no frame may embed it), and writes a file the adapter accepts', () => {
    const trust = adapterTrustFor(['https://console.example']);
    expect(trust).toEqual({ policy: { salesforceHosts: [], devOrigins: [] }, contentSecurityPolicy: "frame-ancestors 'none'" });
    for (const origins of [['http://127.0.0.1:9000', 'https://acme.my.salesforce.com']]) {
      const written = JSON.parse(JSON.stringify(adapterTrustFor(origins).policy)) as unknown;
      expect(parseTrustPolicy(written, 'served').ok).toBe(true);
    }
  });
});
