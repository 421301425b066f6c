import { createWorld } from './index.ts';

/** A fixed set of lesson commands, each timed through the facade (virtual clock). */
export const BENCH_COMMANDS = [
  'docker run -d --name web -p 8080:80 nginx',
  "docker inspect -f '{{.State.Pid}}' web",
  'ps -o pid,ppid,cmd -p 23817',
  'docker ps -a',
  'grep Cap /proc/self/status | head -3',
  'docker exec web cat /sys/fs/cgroup/memory.max',
  'ls /proc/self/ns | wc -l',
  'lsns',
  'ps aux | grep nginx',
  'docker run --rm alpine grep CapEff /proc/self/status',
];

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return Number((sorted[Math.max(0, i)] ?? 0).toFixed(3));
}

/** p50/p99 latency per command over `rounds` fresh worlds (the first command also pulls the image). */
export async function benchCommands(rounds = 20): Promise<{ command: string; p50Ms: number; p99Ms: number }[]> {
  const samples = new Map<string, number[]>(BENCH_COMMANDS.map((c) => [c, []]));
  for (let r = 0; r < rounds; r++) {
    const w = createWorld();
    await w.exec('true');
    for (const cmd of BENCH_COMMANDS) {
      const t0 = performance.now();
      await w.exec(cmd);
      samples.get(cmd)!.push(performance.now() - t0);
    }
  }
  return BENCH_COMMANDS.map((command) => {
    const s = [...samples.get(command)!].sort((a, b) => a - b);
    return { command, p50Ms: quantile(s, 0.5), p99Ms: quantile(s, 0.99) };
  });
}
