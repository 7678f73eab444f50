/**
 * `npm start`: the whole product on one machine with no accounts — the adapter built into dist/,
 * the Neotel simulator (NeoApi, dialer, PBX; it also serves the adapter at /softphone/, the same
 * origin as NeoApi, as a real deployment does) and the Lightning console emulator framing it.
 *
 *   npm start                              console on :8080, Neotel on :8090
 *   npm start -- --port 9000 --neotel-port 9001 --scenario my-center.json --no-build
 *   npm start -- --platform sip            the same demo as a plain SIP PBX (docs/sip-platform.md):
 *                                          the simulator's PBX without NeoApi, plus the HTTP
 *                                          telephony stand-in (click-to-call, recordings)
 *
 * Everything binds 127.0.0.1. Open the printed console URL in a browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startLightning } from './lightning/server.ts';
import { startNeotel } from './neotel/server.ts';
import { startHttpTelephony, type RunningHttpTelephony } from './http-telephony/server.ts';
import { simulatedTelephonyPbx } from './http-telephony/simulated-pbx.ts';
import { sipDemoSettings, SIP_DEMO_KEY } from './http-telephony/demo-settings.ts';
import { followCallCenter } from './salesforce/lightning-link.ts';
import { DEFAULT_APP, startSalesforce, type SalesforceStandIn } from './salesforce/server.ts';

interface StartOptions {
  port: number;
  neotelPort: number;
  scenario: string | undefined;
  build: boolean;
  /** Also run the Salesforce API stand-in for dialtone-admin; its deployed call center feeds the console. */
  salesforcePort: number | undefined;
  /** `neotel` (default) or `sip`: the demo as a plain SIP PBX with HTTP hooks. */
  platform: 'neotel' | 'sip';
}

const USAGE = `Usage: npm start -- [--port N] [--neotel-port N] [--scenario FILE] [--no-build] [--platform neotel|sip]

  --port N           Lightning console port (default 8080)
  --neotel-port N    Neotel simulator port: NeoApi, SIP WebSocket, adapter (default 8090)
  --scenario FILE    contact-center scenario JSON (default dev/neotel/scenario/default.json)
  --no-build         serve the existing dist/ instead of building it first
  --salesforce-port N  also run the Salesforce API stand-in (dev/salesforce) for dialtone-admin;
                     the call center it deploys becomes the console's (docs/admin-cli.md)
  --platform sip     the softphone on the sip platform: the simulator's PBX without NeoApi, plus
                     the HTTP telephony stand-in for click-to-call and recordings (docs/sip-platform.md)`;

function parseArgs(argv: readonly string[]): StartOptions {
  const options: StartOptions = { port: 8080, neotelPort: 8090, scenario: undefined, build: true, salesforcePort: undefined, platform: 'neotel' };
  const port = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} expects a port number (0-65535), got ${JSON.stringify(value ?? '')}.`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--port': options.port = port(arg, argv[++i]); break;
      case '--neotel-port': options.neotelPort = port(arg, argv[++i]); break;
      case '--scenario': options.scenario = argv[++i]; break;
      case '--no-build': options.build = false; break;
      case '--salesforce-port': options.salesforcePort = port(arg, argv[++i]); break;
      case '--platform': {
        const value = argv[++i];
        if (value !== 'neotel' && value !== 'sip') throw new Error(`--platform expects neotel or sip, got ${JSON.stringify(value ?? '')}.`);
        options.platform = value;
        break;
      }
      case '--help': console.log(USAGE); process.exit(0); break;
      default: throw new Error(`Unknown option ${JSON.stringify(arg)}.\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.build || !existsSync('dist/index.html')) {
    console.log('building the adapter (vite build)…');
    const build = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed; see above.');
  }

  const sip = options.platform === 'sip';
  const neotel = await startNeotel({ port: options.neotelPort, neoApi: !sip, ...(options.scenario === undefined ? {} : { scenario: options.scenario }) });
  // The sip platform's HTTP telephony API in front of the same PBX (seed 001's click2call / gravacao).
  const telephony: RunningHttpTelephony | undefined = sip ? await startHttpTelephony({ pbx: simulatedTelephonyPbx(neotel.pbx), chave: SIP_DEMO_KEY, port: 0 }) : undefined;
  const lightning = await startLightning({
    port: options.port,
    adapterUrl: `${neotel.url}/softphone/`,
    // What an admin types into the call center after importing callcenter-definition.xml.
    settingOverrides: {
      '/neotelConnection/neoApiUrl': neotel.neoApiUrl,
      '/neotelConnection/sipWebSocketUrl': neotel.sipUrl,
      '/neotelConnection/sipDomain': new URL(neotel.url).hostname,
      // The demo center's choices: the IVR's national id is searched, the scenario's supervisor
      // (user 2001) may listen to and assist agents, and agents see when they are monitored.
      '/dialtoneCrm/nationalIdField': 'NationalId__c',
      '/dialtoneSupervisor/supervisorUserIds': '2001',
      '/dialtoneSupervisor/showMonitoringToAgent': 'true',
      ...(telephony === undefined ? {} : sipDemoSettings(telephony.url)),
    },
  });

  let salesforce: SalesforceStandIn | undefined;
  if (options.salesforcePort !== undefined) {
    salesforce = await startSalesforce({ port: options.salesforcePort });
    // What Salesforce serves getCallCenterSettings once the admin's deploy saved the call center.
    followCallCenter(salesforce.org, (settings) => lightning.emulator.callCenter.setValues(settings));
  }

  // As a deployer must (docs/admin-setup.md): the adapter trusts, and may be framed by, this console only.
  neotel.serveSoftphoneTo([lightning.origin]);

  console.log('');
  console.log(`  Salesforce (Lightning console emulator)  ${lightning.url}`);
  console.log(`  Neotel control page (play the customer)  ${neotel.url}/control/`);
  if (telephony) console.log(`  HTTP telephony API (click2call, gravacao) ${telephony.url}`);
  else console.log(`  NeoApi                                   ${neotel.neoApiUrl}`);
  console.log(`  SIP over WebSocket                       ${neotel.sipUrl}`);
  if (salesforce) {
    console.log(`  Salesforce API stand-in (dialtone-admin)  ${salesforce.url}`);
    console.log(`    npm run admin -- auth web --alias local --login-url ${salesforce.url} --client-id ${DEFAULT_APP.clientId}`);
    console.log(`    npm run admin -- deploy --org local --set reqAdapterUrl=${neotel.url}/softphone/ --set neoApiUrl=${neotel.neoApiUrl} --set sipWebSocketUrl=${neotel.sipUrl} --set sipDomain=${new URL(neotel.url).hostname}`);
  }
  console.log('');
  console.log(`  Open ${lightning.url} and click the "Dialtone" button in the utility bar.`);
  console.log('  Ctrl+C stops everything.');
  console.log(`ready ${lightning.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([lightning.close(), neotel.close(), salesforce?.close(), telephony?.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const busy = message.includes('EADDRINUSE') ? '\nA port is already in use: pass --port / --neotel-port (0 picks a free one).' : '';
  console.error(`npm start failed: ${message}${busy}`);
  process.exit(1);
});
