/**
 * CPU time of a synchronous piece of work, for tests that prove a scan is linear. `process.cpuUsage`
 * counts this process's own CPU (user + system), not the wall clock, so other processes loading the
 * machine barely move it; the fastest of a few runs drops a garbage collection or a JIT compile that
 * happened to land inside one of them.
 */
export function bestCpuMs<T>(work: () => T, runs = 3): { readonly ms: number; readonly result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result: T | undefined;
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    result = work();
    const spent = process.cpuUsage(start);
    best = Math.min(best, (spent.user + spent.system) / 1000);
  }
  return { ms: best, result: result as T };
}
