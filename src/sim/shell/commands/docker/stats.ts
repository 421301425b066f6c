import type { ExecResult } from '../../../api.ts';
import type { Container } from '../../../docker/container.ts';
import type { CmdEnv } from '../../types.ts';
import { writeList } from '../../kit/listformat.ts';
import { GoStruct } from '../../kit/template/index.ts';
import { defineCommand, FORMAT_HELP } from './define.ts';
import { R } from './each.ts';
import { bytesSize } from './format.ts';

// docker/cli@v27.3.1:cli/command/container/stats.go
export default defineCommand({
  use: 'stats [OPTIONS] [CONTAINER...]',
  short: 'Display a live stream of container(s) resource usage statistics',
  aliases: 'docker container stats, docker stats',
  flags: [
    { long: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    { long: 'format', type: 'string', usage: FORMAT_HELP },
    { long: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
    { long: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
  ],
  async run(flags, rest, env) {
    for (const r of rest) if (!env.daemon.find(r)) return R('', `Error response from daemon: No such container: ${r}\n`, 1);
    const table = () => statsTable(env, rest, Boolean(flags.all), flags.format || 'table', Boolean(flags['no-trunc']));
    const first = table();
    if (flags['no-stream'] || first.exitCode !== 0) return first;
    // Streaming: the CLI redraws the table every second until Ctrl-C (virtual mode: the bound).
    let last = first.stdout;
    env.stream?.({ stream: 'stdout', text: `\x1b[2J\x1b[H${last}` });
    let tick = env.host.clock.nowMs;
    const outcome = await env.host.waitUntil(
      () => {
        if (env.host.clock.nowMs - tick >= 1000) {
          tick = env.host.clock.nowMs;
          last = table().stdout;
          env.stream?.({ stream: 'stdout', text: `\x1b[2J\x1b[H${last}` });
        }
        return false;
      },
      undefined,
      env.signal,
    );
    return R(env.stream ? '' : last, '', outcome === 'aborted' ? 130 : 0);
  },
});

// docker/cli@v27.3.1:cli/command/container/formatter_stats.go: defaultStatsTableFormat and the header map.
const STATS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const STATS_HEADER = {
  Container: 'CONTAINER',
  Name: 'NAME',
  ID: 'CONTAINER ID',
  CPUPerc: 'CPU %',
  MemUsage: 'MEM USAGE / LIMIT',
  MemPerc: 'MEM %',
  NetIO: 'NET I/O',
  BlockIO: 'BLOCK I/O',
  PIDs: 'PIDS',
};

function statsTable(env: CmdEnv, refs: string[], all: boolean, format = 'table', noTrunc = false): ExecResult {
  const k = env.host.kernel;
  const list = refs.length
    ? refs.map((r) => [r, env.daemon.find(r) as Container] as const)
    : [...env.daemon.containers.values()].filter((c) => all || c.status === 'running').map((c) => [c.id, c] as const);
  const rows: GoStruct[] = [];
  for (const [arg, c] of list) {
    const cg = k.cgroups.get(`/system.slice/docker-${c.id}.scope`);
    const running = c.status === 'running' || c.status === 'paused';
    const mem = running && cg ? k.memoryCurrent(cg.path) : 0;
    const limit = running ? (cg && cg.memoryMax !== 'max' ? cg.memoryMax : env.host.fixture.memTotalBytes) : 0;
    const hist = cg?.usageAtSecond ?? [];
    const cpu = c.status === 'running' && hist.length >= 2 ? ((hist[hist.length - 1]! - hist[hist.length - 2]!) / 1e6) * 100 : 0;
    const pids = running && cg ? k.cgroupProcs(cg.path).reduce((n, q) => n + q.threads, 0) : 0;
    rows.push(
      new GoStruct(
        '*container.statsContext',
        {
          BlockIO: '0B / 0B',
          CPUPerc: `${cpu.toFixed(2)}%`,
          Container: arg,
          ID: noTrunc ? c.id : c.id.slice(0, 12),
          MemPerc: `${(limit ? (mem / limit) * 100 : 0).toFixed(2)}%`,
          MemUsage: `${bytesSize(mem)} / ${bytesSize(limit)}`,
          Name: c.name,
          NetIO: running ? '1.05kB / 0B' : '0B / 0B',
          PIDs: String(pids),
        },
        undefined,
        undefined,
        true,
      ),
    );
  }
  return writeList(format === 'table' ? STATS_TABLE : format, rows, STATS_HEADER);
}
