/**
 * A helper process of the interop suite (rtpengine, baresip): its own process group, its output
 * kept in memory (the far side's evidence), a bounded lifetime, and a stop that waits until the
 * process is gone so its ports are free (sip-test-stack.md pitfall 12).
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Helper {
  readonly name: string;
  readonly pid: number;
  /** Every line the process wrote (stdout and stderr), in order. */
  lines(): string[];
  /** Waits for a line matching `pattern` (from line `from` on); throws with the log tail after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number, from?: number): Promise<string>;
  /** SIGTERM, SIGKILL after 5 s; resolves once the process exited. Safe to call twice. */
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `command`; it is killed after `maxLifetimeMs` whatever happens to the test. */
export function startHelper(name: string, command: string, args: readonly string[], options: { cwd?: string; maxLifetimeMs: number }): Helper {
  const proc: ChildProcess = spawn(command, args, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (proc.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  const pid = proc.pid;
  const lines: string[] = [];
  let exit: string | undefined;
  const collect = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '' && lines.length < 50_000) lines.push(line);
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    proc.once('exit', (code, signal) => {
      exit = `exited with ${signal ?? `code ${code}`}`;
      resolve();
    });
  });
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  const lifetime = setTimeout(() => signalGroup('SIGKILL'), options.maxLifetimeMs);
  lifetime.unref();
  return {
    name,
    pid,
    lines: () => [...lines],
    async waitFor(pattern, timeoutMs, from = 0) {
      const deadline = performance.now() + timeoutMs;
      for (let round = 0; round < 100_000; round++) {
        const hit = lines.slice(from).find((line) => pattern.test(line));
        if (hit !== undefined) return hit;
        if (exit !== undefined) throw new Error(`${name} ${exit} before printing ${pattern}. Log:\n${lines.slice(-30).join('\n')}`);
        if (performance.now() > deadline) break;
        await sleep(25);
      }
      throw new Error(`${name} did not print ${pattern} within ${timeoutMs} ms. Log:\n${lines.slice(-30).join('\n')}`);
    },
    async stop() {
      clearTimeout(lifetime);
      if (exit !== undefined) return;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      signalGroup('SIGKILL');
    },
  };
}
