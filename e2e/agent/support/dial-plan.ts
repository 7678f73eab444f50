import { readFileSync } from 'node:fs';
import { settingsFromCallCenterXml } from '../../../src/config/call-center-xml.ts';
import { validateConfig } from '../../../src/config/index.ts';
import { dialPlanFrom, normaliseDialNumber } from '../../../src/crm/dial-number.ts';

/**
 * What the product's dial plan makes of a number shown on a record or clicked in a link (the call
 * center as shipped, plus an admin's `overrides`): what NeoApi `Dial` must receive.
 */
export function dialOf(shown: string, overrides: Readonly<Record<string, string>> = {}): string {
  const config = validateConfig({
    ...settingsFromCallCenterXml(readFileSync('callcenter-definition.xml', 'utf8')),
    ...overrides,
    '/neotelConnection/neoApiUrl': 'https://neotel.example.com/neoapi/webservice.asmx',
    '/neotelConnection/sipWebSocketUrl': 'wss://neotel.example.com/sip',
    '/neotelConnection/sipDomain': 'neotel.example.com',
  });
  if (!config.ok) throw new Error(config.errors.map((e) => e.message).join('\n'));
  const dial = normaliseDialNumber(shown, dialPlanFrom(config.config));
  if (!dial.ok) throw new Error(`${shown} does not normalise: ${dial.reason}`);
  return dial.dial;
}
