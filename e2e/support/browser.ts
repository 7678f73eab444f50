import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Debian's Chromium; a downloaded browser cannot be fetched on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags every test browser needs: fake mic/camera with auto-granted permission, WebRTC allowed on
 * loopback (the only interface inside the test namespace), and no background traffic.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
] as const;

export interface LaunchChromiumOptions {
  /** Chromium `--host-resolver-rules`, e.g. `MAP *.lightning.force.com 127.0.0.1`. */
  hostResolverRules?: string;
  /** Accept the dev servers' self-signed certificates (https mode). */
  ignoreCertificateErrors?: boolean;
  extraArgs?: readonly string[];
}

/** Launches headless Debian Chromium with the test flags. Refuses to run outside the namespace. */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  assertInLoopbackNamespace();
  const args: string[] = [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])];
  if (options.hostResolverRules) args.push(`--host-resolver-rules=${options.hostResolverRules}`);
  if (options.ignoreCertificateErrors) args.push('--ignore-certificate-errors');
  const launch: LaunchOptions = { executablePath: CHROMIUM_PATH, headless: true, args };
  return chromium.launch(launch);
}

/**
 * Browser tests must never send media over a real interface (see DEVELOPERS.md, network rule).
 * scripts/test.mjs runs the suite inside `unshare --net` and sets DIALTONE_LOOPBACK_NS=1.
 */
export function assertInLoopbackNamespace(): void {
  if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
    throw new Error(
      'Browser and server tests must run inside the loopback-only network namespace: ' +
        'run them through `npm test` (or `bash scripts/in-loopback.sh <command>`), ' +
        'which sets DIALTONE_LOOPBACK_NS=1.',
    );
  }
}
