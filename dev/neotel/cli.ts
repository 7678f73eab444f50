/**
 * `npm run neotel -- --port <n> [--scenario <file>] [--host 127.0.0.1] [--neoapi-names <names>] [--verbose]`
 *
 * `--neoapi-names` serves a deployment's own NeoApi names, e.g.
 * `Login_Campaign2=Login_Campaign;Login_Campaign2.CAMPANA=CAMPAÑA` (the softphone's `neoApiMethods` syntax).
 *
 * Runs the simulator in the foreground and prints `ready <base-url>` once it listens.
 */
import { parseArgs } from 'node:util';
import { BadRequestError } from '../shared/http.ts';
import { ScenarioError } from './scenario/load.ts';
import { startNeotel } from './server.ts';

const USAGE = 'usage: npm run neotel -- [--port <n>] [--scenario <file.json>] [--host 127.0.0.1] [--neoapi-names <Method=Name;Method.PARAM=Name>] [--verbose]';

async function main(): Promise<void> {
  let values: { port?: string; scenario?: string; host?: string; 'neoapi-names'?: string; verbose?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, scenario: { type: 'string' }, host: { type: 'string' }, 'neoapi-names': { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected an integer 0-65535, received ${JSON.stringify(values.port)}\n${USAGE}`);
    process.exit(2);
  }
  const server = await startNeotel({
    port,
    host: values.host ?? '127.0.0.1',
    ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
    ...(values['neoapi-names'] === undefined ? {} : { neoApiNames: values['neoapi-names'] }),
    ...(values.verbose ? { log: (line: string) => console.log(line) } : {}),
  });
  console.log(`ready ${server.url}`);
  console.log(`  NeoApi   ${server.neoApiUrl}`);
  console.log(`  SIP      ${server.sipUrl}`);
  console.log(`  control  ${server.url}/control/`);
  console.log(`  adapter  ${server.url}/softphone/`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ScenarioError || error instanceof BadRequestError ? error.message : error);
  process.exit(1);
});
