import { readFileSync } from 'node:fs';
import { settingsFromCallCenterXml } from '../../src/config/call-center-xml.ts';
import { validateConfig, type Config } from '../../src/config/index.ts';

/** The call center as shipped (`callcenter-definition.xml`) with test endpoints and `overrides`. */
export function shippedConfig(overrides: Record<string, string> = {}): Config {
  const result = validateConfig({
    ...settingsFromCallCenterXml(readFileSync('callcenter-definition.xml', 'utf8')),
    '/neotelConnection/neoApiUrl': 'https://neotel.example.com/neoapi/webservice.asmx',
    '/neotelConnection/sipWebSocketUrl': 'wss://neotel.example.com/sip',
    '/neotelConnection/sipDomain': 'neotel.example.com',
    ...overrides,
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.config;
}
