/**
 * `npm run salesforce -- [--port N] [--jwt-cert public.pem]`: the Salesforce API stand-in in the
 * foreground, for trying `dialtone-admin` by hand (docs/admin-cli.md#trying-it-locally).
 */
import { readFileSync } from 'node:fs';
import { ADMIN_PASSWORD_AND_TOKEN, DEFAULT_APP, startSalesforce } from './server.ts';

const argv = process.argv.slice(2);
let port = 8095;
let jwtPublicKeyPem: string | undefined;
for (let i = 0; i < argv.length; i++) {
  const flag = argv[i];
  const value = argv[++i];
  if (flag === '--port' && value !== undefined && /^\d+$/.test(value)) port = Number(value);
  else if (flag === '--jwt-cert' && value !== undefined) jwtPublicKeyPem = readFileSync(value, 'utf8');
  else {
    console.error(`Unknown or incomplete option ${JSON.stringify(flag)}. Usage: npm run salesforce -- [--port N] [--jwt-cert public.pem]`);
    process.exit(2);
  }
}
const sf = await startSalesforce({ port, app: { jwtPublicKeyPem } });
console.log(`Salesforce stand-in on ${sf.url} (an empty org; users admin@acme.example, agent1@acme.example, agent2@acme.example)`);
console.log(`  connected app consumer key ${DEFAULT_APP.clientId}, callback ${DEFAULT_APP.callbackUrls[0] ?? ''}`);
console.log(`  try: npm run admin -- auth web --alias local --login-url ${sf.url} --client-id ${DEFAULT_APP.clientId}`);
console.log(`  legacy password flow: admin@acme.example, password+token ${ADMIN_PASSWORD_AND_TOKEN.length} characters (see docs/admin-cli.md)`);
console.log(`ready ${sf.url}`);
const stop = (): void => void sf.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
