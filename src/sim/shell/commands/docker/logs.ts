import type { Container, LogEntry } from '../../../docker/container.ts';
import { getTimestamp } from '../../kit/timestamp.ts';
import { defineCommand } from './define.ts';
import { needArgs, noSuch, R } from './each.ts';

/**
 * loginfo.go ExtraAttributes: the labels named by --log-opt labels= (and labels-regex=), the environment variables
 * named by env= (and env-regex=), as write_log_stream.go attrsByteSlice prints them (sorted by key, url.QueryEscape).
 */
function logAttrs(c: Container): string {
  const opts = c.hostConfig.LogConfig.Config ?? {};
  const attrs = new Map<string, string>();
  const labels = c.config.Labels ?? {};
  const env = new Map(c.config.Env.filter((e) => e.includes('=')).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  for (const k of (opts.labels ?? '').split(',')) if (k && k in labels) attrs.set(k, labels[k] as string);
  if (opts['labels-regex']) for (const [k, v] of Object.entries(labels)) if (new RegExp(opts['labels-regex']).test(k)) attrs.set(k, v);
  for (const k of (opts.env ?? '').split(',')) if (k && env.has(k)) attrs.set(k, env.get(k) as string);
  if (opts['env-regex']) for (const [k, v] of env) if (new RegExp(opts['env-regex']).test(k)) attrs.set(k, v);
  // Go's url.QueryEscape: space as +, the rest of the unreserved set kept.
  const q = (s: string) =>
    encodeURIComponent(s)
      .replace(/%20/g, '+')
      .replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return [...attrs]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${q(k)}=${q(v)}`)
    .join(',');
}

// docker/cli@v27.3.1:cli/command/container/logs.go
export default defineCommand({
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Fetch the logs of a container',
  aliases: 'docker container logs, docker logs',
  flags: [
    { long: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { long: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { long: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { long: 'tail', short: 'n', type: 'string', default: 'all', usage: 'Number of lines to show from the end of the logs' },
    { long: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { long: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  async run(flags, rest, env, cmd) {
    if (rest.length !== 1) return needArgs(cmd, 'exactly');
    const c = env.daemon.find(rest[0] as string);
    if (!c) return R('', noSuch(rest[0] as string), 1);
    if (!['json-file', 'local', 'journald'].includes(c.hostConfig.LogConfig.Type))
      return R('', 'Error response from daemon: configured logging driver does not support reading\n', 1);
    // moby@v27.3.1:api/types/time/timestamp.go for --since/--until (client side, before the request).
    const now = env.host.clock.nowMs;
    const bound = (v: unknown) => (v === undefined || v === '' ? undefined : getTimestamp(v as string, now));
    const since = bound(flags.since);
    const until = bound(flags.until);
    for (const b of [since, until]) if (b && 'error' in b) return R('', `${b.error}\n`, 1);
    const sinceMs = since && 'ms' in since ? since.ms : undefined;
    const untilMs = until && 'ms' in until ? until.ms : undefined;
    // moby@v27.3.1:daemon/logs.go: strconv.Atoi(tail), and anything that is not a number means all (-1).
    const raw = flags.tail;
    const tail = raw !== undefined && /^[+-]?\d+$/.test(raw) ? String(Number(raw)) : undefined;
    const pick = (all: LogEntry[]) => {
      // json-file keeps one record per line.
      const list = all.flatMap((e) =>
        e.text
          .split(/(?<=\n)/)
          .filter(Boolean)
          .map((text) => ({ ...e, text })),
      );
      let l = list.filter(
        (e) => (sinceMs === undefined || (e.timeMs ?? c.startedMs) >= sinceMs) && (untilMs === undefined || (e.timeMs ?? c.startedMs) <= untilMs),
      );
      if (tail !== undefined && tail !== 'all' && Number(tail) >= 0) l = Number(tail) === 0 ? [] : l.slice(-Number(tail));
      return l;
    };
    // moby@v27.3.1:api/server/httputils/write_log_stream.go WriteLogStream: --details puts the line's attributes (the
    // --log-opt labels= and env= ones, daemon/logger/loginfo.go ExtraAttributes; sorted, query-escaped k=v joined by
    // commas) and a space before it; --timestamps then puts RFC3339NanoFixed (UTC prints Z) and a space before that.
    const details = flags.details ? `${logAttrs(c)} ` : '';
    const line = (e: LogEntry) =>
      e.text
        .split(/(?<=\n)/)
        .map((t) => `${flags.timestamps ? `${new Date(e.timeMs ?? c.startedMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ` : ''}${details}${t}`)
        .join('');
    const join = (l: LogEntry[], s: 'stdout' | 'stderr') =>
      l
        .filter((e) => e.stream === s)
        .map(line)
        .join('');
    let entries = pick(c.logs);
    if (flags.follow && c.status === 'running' && untilMs === undefined) {
      if (env.stream) {
        // Follow: what is there now, then each new line as the container writes it.
        for (const l of entries) env.stream({ stream: l.stream, text: line(l) });
        let sent = c.logs.length;
        const outcome = await env.host.waitUntil(
          () => {
            for (const l of c.logs.slice(sent)) env.stream?.({ stream: l.stream, text: line(l) });
            sent = c.logs.length;
            return c.status !== 'running';
          },
          undefined,
          env.signal,
        );
        return R('', '', outcome === 'aborted' ? 130 : 0);
      }
      const outcome = await env.host.waitUntil(() => c.status !== 'running', undefined, env.signal);
      entries = pick(c.logs);
      if (outcome === 'aborted') return R(join(entries, 'stdout'), join(entries, 'stderr'), 130);
    }
    // To a terminal the two streams interleave in the order the container wrote them (the CLI copies each record to
    // its own stream as it comes: docker/cli@v27.3.1 cli/command/container/logs.go, stdcopy.StdCopy).
    if (env.stream) {
      for (const l of entries) env.stream({ stream: l.stream, text: line(l) });
      return R('', '');
    }
    // `2>&1` (or `|&`): one descriptor gets both, record after record, in the same order.
    if (env.stderrToStdout) return R(entries.map(line).join(''), '');
    return { ...R(join(entries, 'stdout'), join(entries, 'stderr')), output: entries.map((l) => ({ stream: l.stream, text: line(l) })) };
  },
});
