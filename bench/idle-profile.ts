/**
 * Where Dialtone's idle time and garbage go (`node --import tsx bench/idle-profile.ts`, inside the
 * loopback namespace like `npm run bench`, after `npm run build`): a logged-in agent, Ready, the
 * panel open; a CPU profile and a sampling heap profile of the adapter frame over 10 s, printed
 * as the functions with the most self time and the most bytes allocated.
 */
import { spawnSync } from 'node:child_process';
import { startBenchAgent } from './agent-bench.ts';

if (process.env.DIALTONE_LOOPBACK_NS !== '1') {
  const r = spawnSync('sh', ['scripts/in-loopback.sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

interface Frame { functionName: string; url: string; lineNumber: number }
const name = (f: Frame) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber}`;

const agent = await startBenchAgent();
try {
  await new Promise((r) => setTimeout(r, 2000));
  const session = await agent.rig.context.newCDPSession(agent.adapter);
  await session.send('Profiler.enable');
  await session.send('HeapProfiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  await session.send('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await new Promise((r) => setTimeout(r, 10_000));
  const { profile: heap } = await session.send('HeapProfiler.stopSampling');
  const { profile } = await session.send('Profiler.stop');
  const self = new Map<string, number>();
  const dt = new Map<number, number>();
  profile.samples?.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
  for (const node of profile.nodes) self.set(name(node.callFrame), (self.get(name(node.callFrame)) ?? 0) + (dt.get(node.id) ?? 0));
  console.log('CPU self time over 10 s (ms):');
  for (const [fn, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)}  ${fn}`);
  const bytes = new Map<string, number>();
  const stack = [heap.head];
  for (let node = stack.pop(); node; node = stack.pop()) {
    bytes.set(name(node.callFrame), (bytes.get(name(node.callFrame)) ?? 0) + node.selfSize);
    stack.push(...node.children);
  }
  // The bench's own init scripts (fetch tracker, wire probe) have no file name: not the adapter's.
  const ours = [...bytes].filter(([fn]) => !/ :\d+$/.test(fn) || / [\w.-]+\.js:\d+$/.test(fn));
  const total = (list: [string, number][]) => list.reduce((sum, [, b]) => sum + b, 0) / 1024;
  console.log(`allocated over 10 s: ${total([...bytes]).toFixed(1)} KB in all, ${total(ours.filter(([fn]) => !fn.startsWith('window.fetch '))).toFixed(1)} KB without the bench's fetch tracker`);
  console.log('allocated over 10 s (KB, by allocating function):');
  for (const [fn, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(b / 1024).toFixed(1).padStart(7)}  ${fn}`);
} finally {
  await agent.close();
}
