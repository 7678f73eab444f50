import { USAGE, parseLightningArgs } from './options.ts';
import { startLightning } from './server.ts';

/**
 * `npm run lightning -- [options]`: runs the console emulator in the foreground and prints
 * `ready <url>` once it listens (scripts wait for that line). Ctrl-C stops it.
 */
async function main(): Promise<void> {
  let options: ReturnType<typeof parseLightningArgs>;
  try {
    options = parseLightningArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  if (options.help === true) {
    console.log(USAGE);
    return;
  }
  const server = await startLightning(options);
  const settings = server.emulator.callCenter.snapshot();
  if (settings.importError) console.error(`warning: ${settings.importError}`);
  console.log(`adapter ${server.adapterUrl || '(none: the call center has no reqAdapterUrl)'}`);
  console.log(`control ${server.controlUrl}`);
  if (server.allowLocalOrigins) console.log('dev origin allowance: the library accepts localhost consoles');
  console.log(`ready ${server.url}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
