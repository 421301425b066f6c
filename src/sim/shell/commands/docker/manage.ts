import type { ExecResult } from '../../../api.ts';
import { containerLabels, type Container, type LogEntry } from '../../../docker/container.ts';
import { parseFilters, type FilterArgs } from './filters.ts';
import { cpuC, cpuSeconds, dhms } from '../../pstime.ts';
import { getTimestamp } from '../../kit/timestamp.ts';
import { DaemonError } from '../../../docker/daemon.ts';
import { SIGKILL, parseSignal } from '../../../kernel/signals.ts';
import { parseFlags } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { inspectDoc } from './inspect-doc.ts';
import { argsError, confirmed } from './errors.ts';
import { imageDocs } from './image.ts';
import { bytesSize, tabwrite, templated } from './format.ts';
import { typedContainer, typedImage } from './inspect-typed.ts';
import { writeList } from '../../kit/listformat.ts';
import { GoStruct } from '../../kit/template/index.ts';

type Sub = (args: string[], env: CmdEnv) => Promise<ExecResult>;
const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const flagErr = (cmd: string, e: string) => R('', `${e}\nSee 'docker ${cmd} --help'.\n`, 125);
const needArgs = (cmd: string, usage: string, what: string) => argsError(`docker ${cmd}`, 'at least', 1, usage, what);
const noSuch = (ref: string) => `Error response from daemon: No such container: ${ref}\n`;

/** Applies `fn` to each named container, printing the name on success (stop, kill, start, rm …). */
async function each(env: CmdEnv, refs: string[], fn: (c: Container) => Promise<string | undefined>): Promise<ExecResult> {
  let out = '';
  let err = '';
  for (const ref of refs) {
    const c = env.daemon.find(ref);
    if (!c) {
      err += noSuch(ref);
      continue;
    }
    const e = await fn(c);
    if (e) err += e;
    else out += `${ref}\n`;
  }
  return R(out, err, err ? 1 : 0);
}

export const stop: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'time', short: 't', type: 'string' }, { long: 'signal', short: 's', type: 'string' }], true);
  if (!p.ok) return flagErr('stop', p.error);
  if (!p.rest.length) return needArgs('stop', '[OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers');
  const t = p.flags.time !== undefined ? Number(p.flags.time) : undefined;
  return each(env, p.rest, async (c) => {
    await env.daemon.stop(c, t, env.signal);
    return undefined;
  });
};

export const kill: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'signal', short: 's', type: 'string' }], true);
  if (!p.ok) return flagErr('kill', p.error);
  if (!p.rest.length) return needArgs('kill', '[OPTIONS] CONTAINER [CONTAINER...]', 'Kill one or more running containers');
  const sig = p.flags.signal ? parseSignal(p.flags.signal as string) : SIGKILL;
  if (sig === undefined) return R('', `Error response from daemon: Invalid signal: ${p.flags.signal}\n`, 1);
  return each(env, p.rest, async (c) => {
    if (c.status !== 'running') return `Error response from daemon: cannot kill container: ${c.name}: container ${c.id} is not running\n`;
    env.daemon.signal(c, sig);
    await env.host.waitUntil(() => c.status !== 'running', 100, env.signal);
    return undefined;
  });
};

export const start: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'attach', short: 'a', type: 'bool' }, { long: 'interactive', short: 'i', type: 'bool' }], true);
  if (!p.ok) return flagErr('start', p.error);
  if (!p.rest.length) return needArgs('start', '[OPTIONS] CONTAINER [CONTAINER...]', 'Start one or more stopped containers');
  if (p.flags.attach || p.flags.interactive) return startAttached(p.rest, env);
  const failed: string[] = [];
  const r = await each(env, p.rest, async (c) => {
    if (c.status === 'running') return undefined;
    env.host.kernel.advance(300);
    try {
      await env.daemon.start(c);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      failed.push(c.name);
      return `Error response from daemon: ${e.message}\n`;
    }
    return undefined;
  });
  // The CLI sums up the containers that did not start (port clash, a removed network).
  return failed.length ? { ...r, stderr: `${r.stderr}Error: failed to start containers: ${failed.join(', ')}\n` } : r;
};

/**
 * `docker start -a CONTAINER`: start it, stream its output, exit with its status
 * (docker/cli@v27.3.1:cli/command/container/start.go).
 */
async function startAttached(refs: string[], env: CmdEnv): Promise<ExecResult> {
  if (refs.length > 1) return R('', 'you cannot start and attach multiple containers at once\n', 1);
  const c = env.daemon.find(refs[0] as string);
  if (!c) return R('', noSuch(refs[0] as string), 1);
  const from = c.logs.length;
  if (c.status !== 'running') {
    env.host.kernel.advance(300);
    try {
      await env.daemon.start(c);
    } catch (e) {
      if (!(e instanceof DaemonError)) throw e;
      return R('', `Error response from daemon: ${e.message}\nError: failed to start containers: ${refs[0]}\n`, 1);
    }
  }
  let sent = from;
  const flush = () => {
    for (const l of c.logs.slice(sent)) env.stream?.({ stream: l.stream, text: l.text });
    sent = c.logs.length;
  };
  const outcome = await env.host.waitUntil(() => {
    if (env.stream) flush();
    return c.status !== 'running';
  }, undefined, env.signal);
  if (env.stream) {
    flush();
    return R('', '', outcome === 'aborted' ? 130 : c.exitCode);
  }
  const out = c.logs.slice(from);
  return R(out.filter((l) => l.stream === 'stdout').map((l) => l.text).join(''), out.filter((l) => l.stream === 'stderr').map((l) => l.text).join(''), outcome === 'aborted' ? 130 : c.exitCode);
}

export const restart: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'time', short: 't', type: 'string' }], true);
  if (!p.ok) return flagErr('restart', p.error);
  if (!p.rest.length) return needArgs('restart', '[OPTIONS] CONTAINER [CONTAINER...]', 'Restart one or more containers');
  return each(env, p.rest, async (c) => {
    await env.daemon.stop(c, p.flags.time !== undefined ? Number(p.flags.time) : undefined, env.signal);
    c.restartCount = 0;
    await env.daemon.start(c);
    return undefined;
  });
};

export const rm: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'force', short: 'f', type: 'bool' }, { long: 'volumes', short: 'v', type: 'bool' }], true);
  if (!p.ok) return flagErr('rm', p.error);
  if (!p.rest.length) return needArgs('rm', '[OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers');
  // docker/cli@v27.3.1:cli/command/container/rm.go: with --force a missing container is
  // reported on stderr but is not an error (exit 0).
  const missing = p.rest.filter((r) => !env.daemon.find(r));
  const r = await each(env, p.rest, async (c) => {
    if (c.status === 'running') {
      if (!p.flags.force) return `Error response from daemon: cannot remove container "/${c.name}": container is running: stop the container before removing or force remove\n`;
      env.daemon.signal(c, SIGKILL);
    }
    if (p.flags.volumes) env.daemon.lib?.dropVolumes.add(c.id);
    env.daemon.remove(c);
    return undefined;
  });
  if (p.flags.force && r.exitCode !== 0) {
    const other = r.stderr.split('\n').filter((l) => l && !missing.some((m) => l === noSuch(m).trim()));
    return { ...r, exitCode: other.length ? 1 : 0 };
  }
  return r;
};

export const prune: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'force', short: 'f', type: 'bool' }, { long: 'filter', type: 'list' }], true);
  if (!p.ok) return flagErr('container prune', p.error);
  const { filters, error } = parseFilters(p.flags.filter as string[] | undefined);
  if (error) return flagErr('container prune', error);
  // docker/cli@v27.3.1:cli/command/container/prune.go warning; a "no" is errdefs.Cancelled: main exits 0 without a message.
  const prompt = p.flags.force ? '' : 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ';
  if (!p.flags.force && !confirmed(env.stdin)) return R(prompt);
  const r = pruneContainers(env, filters);
  if ('error' in r) return R(prompt, `Error response from daemon: ${r.error}\n`, 1);
  const list = r.gone.length ? `Deleted Containers:\n${r.gone.map((id) => `${id}\n`).join('')}\n` : '';
  return R(`${prompt}${list}Total reclaimed space: 0B\n`);
};

/**
 * moby@v27.3.1:daemon/prune.go ContainersPrune: the stopped containers created no later than
 * `until` whose labels match `label` and not `label!`; an error is the daemon's text.
 */
export function pruneContainers(env: CmdEnv, filters: FilterArgs): { gone: string[] } | { error: string } {
  const bad = filters.validate(['label', 'label!', 'until']);
  if (bad) return { error: bad };
  const until = filters.until(env.host.clock.nowMs);
  if (until.error) return { error: until.error };
  const gone = [...env.daemon.containers.values()].filter(
    (c) => c.status !== 'running' && !(until.ms !== undefined && c.createdMs > until.ms) && filters.matchLabels(containerLabels(c)),
  );
  for (const c of gone) env.daemon.remove(c);
  return { gone: gone.map((c) => c.id) };
}

export const inspect: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'format', short: 'f', type: 'string' }, { long: 'type', type: 'string' }, { long: 'size', short: 's', type: 'bool' }], true);
  if (!p.ok) return flagErr('inspect', p.error);
  if (!p.rest.length) return needArgs('inspect', '[OPTIONS] NAME|ID [NAME|ID...]', 'Return low-level information on Docker objects');
  const docs: Record<string, unknown>[] = [];
  const typed: unknown[] = [];
  let err = '';
  for (const ref of p.rest) {
    const c = p.flags.type === 'image' ? undefined : env.daemon.find(ref);
    if (c) {
      const doc = inspectDoc(env.host, c, env.daemon);
      typed[docs.length] = typedContainer(doc);
      docs.push(doc);
    } else {
      const { docs: found } = p.flags.type === 'container' ? { docs: [] } : await imageDocs(env, [ref]);
      if (!found.length) err += `Error: No such object: ${ref}\n`;
      for (const d of found) {
        typed[docs.length] = typedImage(d);
        docs.push(d);
      }
    }
  }
  return templated(docs, p.flags.format as string | undefined, err, typed);
};

export const logs: Sub = async (args, env) => {
  const p = parseFlags(args, [
    { long: 'follow', short: 'f', type: 'bool' }, { long: 'tail', short: 'n', type: 'string' }, { long: 'timestamps', short: 't', type: 'bool' },
    { long: 'since', type: 'string' }, { long: 'until', type: 'string' }, { long: 'details', type: 'bool' },
  ], true);
  if (!p.ok) return flagErr('logs', p.error);
  if (p.rest.length !== 1) return argsError('docker logs', 'exactly', 1, '[OPTIONS] CONTAINER', 'Fetch the logs of a container');
  const c = env.daemon.find(p.rest[0] as string);
  if (!c) return R('', noSuch(p.rest[0] as string), 1);
  if (!['json-file', 'local', 'journald'].includes(c.hostConfig.LogConfig.Type)) return R('', 'Error response from daemon: configured logging driver does not support reading\n', 1);
  // moby@v27.3.1:api/types/time/timestamp.go for --since/--until (client side, before the request).
  const now = env.host.clock.nowMs;
  const bound = (v: unknown) => (v === undefined || v === '' ? undefined : getTimestamp(v as string, now));
  const since = bound(p.flags.since);
  const until = bound(p.flags.until);
  for (const b of [since, until]) if (b && 'error' in b) return R('', `${b.error}\n`, 1);
  const sinceMs = since && 'ms' in since ? since.ms : undefined;
  const untilMs = until && 'ms' in until ? until.ms : undefined;
  // moby@v27.3.1:daemon/logs.go: strconv.Atoi(tail), and anything that is not a number means all (-1).
  const raw = p.flags.tail as string | undefined;
  const tail = raw !== undefined && /^[+-]?\d+$/.test(raw) ? String(Number(raw)) : undefined;
  const pick = (all: LogEntry[]) => {
    // json-file keeps one record per line.
    const list = all.flatMap((e) => e.text.split(/(?<=\n)/).filter(Boolean).map((text) => ({ ...e, text })));
    let l = list.filter((e) => (sinceMs === undefined || (e.timeMs ?? c.startedMs) >= sinceMs) && (untilMs === undefined || (e.timeMs ?? c.startedMs) <= untilMs));
    if (tail !== undefined && tail !== 'all' && Number(tail) >= 0) l = Number(tail) === 0 ? [] : l.slice(-Number(tail));
    return l;
  };
  // daemon/logs.go: with --timestamps each line starts with RFC3339NanoFixed (UTC prints Z).
  const line = (e: LogEntry) => (p.flags.timestamps
    ? e.text.split(/(?<=\n)/).map((t) => `${new Date(e.timeMs ?? c.startedMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ${t}`).join('')
    : e.text);
  const join = (l: LogEntry[], s: 'stdout' | 'stderr') => l.filter((e) => e.stream === s).map(line).join('');
  let entries = pick(c.logs);
  if (p.flags.follow && c.status === 'running' && untilMs === undefined) {
    if (env.stream) {
      // Follow: what is there now, then each new line as the container writes it.
      for (const l of entries) env.stream({ stream: l.stream, text: line(l) });
      let sent = c.logs.length;
      const outcome = await env.host.waitUntil(() => {
        for (const l of c.logs.slice(sent)) env.stream?.({ stream: l.stream, text: line(l) });
        sent = c.logs.length;
        return c.status !== 'running';
      }, undefined, env.signal);
      return R('', '', outcome === 'aborted' ? 130 : 0);
    }
    const outcome = await env.host.waitUntil(() => c.status !== 'running', undefined, env.signal);
    entries = pick(c.logs);
    if (outcome === 'aborted') return R(join(entries, 'stdout'), join(entries, 'stderr'), 130);
  }
  return R(join(entries, 'stdout'), join(entries, 'stderr'));
};

export const top: Sub = async (args, env) => {
  if (!args.length) return needArgs('top', 'CONTAINER [ps OPTIONS]', 'Display the running processes of a container');
  const c = env.daemon.find(args[0] as string);
  if (!c) return R('', noSuch(args[0] as string), 1);
  if (c.status !== 'running') return R('', `Error response from daemon: container ${c.id} is not running\n`, 1);
  const k = env.host.kernel;
  const procs = k.live().filter((p) => p.containerId === c.id && !p.transient).sort((a, b) => a.pid - b.pid);
  const hm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
  // docker top runs ps on the host, so user names come from the host's /etc/passwd.
  const hostName = (uid: number) => env.host.fixture.users.find((u) => u.uid === uid)?.name ?? String(uid);
  const rows = [['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'], ...procs.map((p) => [hostName(p.uid), String(p.pid), String(p.ppid), cpuC(env, p), hm(p.startMs), p.tty, dhms(cpuSeconds(p)), p.argv.join(' ')])];
  return R(tabwrite(rows, 20, 3));
};

export const stats: Sub = async (args, env) => {
  const p = parseFlags(args, [{ long: 'no-stream', type: 'bool' }, { long: 'all', short: 'a', type: 'bool' }, { long: 'format', type: 'string' }, { long: 'no-trunc', type: 'bool' }], true);
  if (!p.ok) return flagErr('stats', p.error);
  for (const r of p.rest) if (!env.daemon.find(r)) return R('', `Error response from daemon: No such container: ${r}\n`, 1);
  const table = () => statsTable(env, p.rest, Boolean(p.flags.all), (p.flags.format as string | undefined) || 'table', Boolean(p.flags['no-trunc']));
  const first = table();
  if (p.flags['no-stream'] || first.exitCode !== 0) return first;
  // Streaming: the CLI redraws the table every second until Ctrl-C (virtual mode: the bound).
  let last = first.stdout;
  env.stream?.({ stream: 'stdout', text: `\x1b[2J\x1b[H${last}` });
  let tick = env.host.clock.nowMs;
  const outcome = await env.host.waitUntil(() => {
    if (env.host.clock.nowMs - tick >= 1000) {
      tick = env.host.clock.nowMs;
      last = table().stdout;
      env.stream?.({ stream: 'stdout', text: `\x1b[2J\x1b[H${last}` });
    }
    return false;
  }, undefined, env.signal);
  return R(env.stream ? '' : last, '', outcome === 'aborted' ? 130 : 0);
};

// docker/cli@v27.3.1:cli/command/container/formatter_stats.go: defaultStatsTableFormat and the header map.
const STATS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const STATS_HEADER = {
  Container: 'CONTAINER', Name: 'NAME', ID: 'CONTAINER ID', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS',
};

function statsTable(env: CmdEnv, refs: string[], all: boolean, format = 'table', noTrunc = false): ExecResult {
  const k = env.host.kernel;
  const list = refs.length ? refs.map((r) => [r, env.daemon.find(r) as Container] as const) : [...env.daemon.containers.values()].filter((c) => all || c.status === 'running').map((c) => [c.id, c] as const);
  const rows: GoStruct[] = [];
  for (const [arg, c] of list) {
    const cg = k.cgroups.get(`/system.slice/docker-${c.id}.scope`);
    const running = c.status === 'running' || c.status === 'paused';
    const mem = running && cg ? k.memoryCurrent(cg.path) : 0;
    const limit = running ? (cg && cg.memoryMax !== 'max' ? cg.memoryMax : env.host.fixture.memTotalBytes) : 0;
    const hist = cg?.usageAtSecond ?? [];
    const cpu = c.status === 'running' && hist.length >= 2 ? ((hist[hist.length - 1]! - hist[hist.length - 2]!) / 1e6) * 100 : 0;
    const pids = running && cg ? k.cgroupProcs(cg.path).reduce((n, q) => n + q.threads, 0) : 0;
    rows.push(new GoStruct('*container.statsContext', {
      BlockIO: '0B / 0B', CPUPerc: `${cpu.toFixed(2)}%`, Container: arg, ID: noTrunc ? c.id : c.id.slice(0, 12), MemPerc: `${(limit ? (mem / limit) * 100 : 0).toFixed(2)}%`,
      MemUsage: `${bytesSize(mem)} / ${bytesSize(limit)}`, Name: c.name, NetIO: running ? '1.05kB / 0B' : '0B / 0B', PIDs: String(pids),
    }, undefined, undefined, true));
  }
  return writeList(format === 'table' ? STATS_TABLE : format, rows, STATS_HEADER);
}
