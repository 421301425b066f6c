/**
 * `docker events [--since T] [--until T] [--filter k=v] [--format F]`: the daemon's event log.
 * docker/cli@v27.3.1:cli/command/system/events.go (prettyPrintEvent, makeTemplate: exit 64
 * "Error parsing format: …"); moby@v27.3.1:api/types/time/timestamp.go for the times.
 * Without --until it streams until Ctrl-C.
 */
import type { DockerEvent } from '../../../docker/events.ts';
import { getTimestamp } from '../../kit/timestamp.ts';
import { GoStruct, parseTemplate, TemplateError } from '../../kit/template/index.ts';
import { arity, flagError } from './errors.ts';
import { defineCommand, INSPECT_FORMAT_HELP } from './define.ts';

/** rfc3339NanoFixed: 2006-01-02T15:04:05.000000000Z07:00. */
function stamp(e: DockerEvent): string {
  const iso = new Date(e.timeMs).toISOString();
  // Go's "Z07:00" prints Z for a zero offset (node1 runs in UTC).
  return `${iso.slice(0, 19)}.${iso.slice(20, 23)}${String(e.seq % 1e6).padStart(6, '0')}Z`;
}

function pretty(e: DockerEvent): string {
  const keys = Object.keys(e.attributes).sort();
  const attrs = keys.length ? ` (${keys.map((k) => `${k}=${e.attributes[k]}`).join(', ')})` : '';
  return `${stamp(e)} ${e.type} ${e.action} ${e.id}${attrs}\n`;
}

/** events.Message: what a --format template sees. */
function message(e: DockerEvent): GoStruct {
  const timeNano = e.timeMs * 1e6 + (e.seq % 1e6);
  const legacy = e.type === 'container' ? { status: e.action, id: e.id, from: e.attributes.image ?? '' } : {};
  const actor = new GoStruct('events.Actor', { ID: e.id, Attributes: e.attributes });
  const f = {
    ...(e.type === 'container' ? { Status: e.action, ID: e.id, From: e.attributes.image ?? '' } : { Status: '', ID: '', From: '' }),
    Type: e.type,
    Action: e.action,
    Actor: actor,
    Scope: 'local',
    Time: Math.floor(e.timeMs / 1000),
    TimeNano: timeNano,
  };
  return new GoStruct('events.Message', f, undefined, () => ({
    ...legacy,
    Type: e.type,
    Action: e.action,
    Actor: { ID: e.id, Attributes: e.attributes },
    scope: 'local',
    time: f.Time,
    timeNano,
  }));
}

function matches(e: DockerEvent, filters: string[]): boolean | string {
  const by = new Map<string, string[]>();
  for (const f of filters) {
    const i = f.indexOf('=');
    if (i < 0) return `bad format of filter (expected name=value)`;
    by.set(f.slice(0, i), [...(by.get(f.slice(0, i)) ?? []), f.slice(i + 1)]);
  }
  for (const [k, vs] of by) {
    const ok = vs.some((v) => {
      switch (k) {
        case 'type':
          return e.type === v;
        case 'event':
          return e.action === v || e.action.startsWith(`${v}:`);
        case 'container':
          return e.type === 'container' && (e.id.startsWith(v) || e.attributes.name === v);
        case 'image':
          return e.attributes.image === v || (e.type === 'image' && e.id === v);
        case 'label':
          return v.includes('=') ? e.attributes[v.slice(0, v.indexOf('='))] === v.slice(v.indexOf('=') + 1) : v in e.attributes;
        case 'network':
          return e.type === 'network' && (e.id.startsWith(v) || e.attributes.name === v);
        case 'volume':
          return e.type === 'volume' && e.id === v;
        case 'scope':
          return v === 'local';
        default:
          return false;
      }
    });
    if (!['type', 'event', 'container', 'image', 'label', 'network', 'volume', 'scope', 'daemon', 'node', 'plugin', 'service', 'secret', 'config'].includes(k))
      return `invalid filter '${k}'`;
    if (!ok) return false;
  }
  return true;
}

// docker/cli@v27.3.1:cli/command/system/events.go
export default defineCommand({
  use: 'events [OPTIONS]',
  short: 'Get real time events from the server',
  aliases: 'docker system events, docker events',
  flags: [
    { long: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { long: 'format', type: 'string', usage: INSPECT_FORMAT_HELP },
    { long: 'since', type: 'string', usage: 'Show all events created since timestamp' },
    { long: 'until', type: 'string', usage: 'Stream events until this timestamp' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    const fmt = flags.format as string | undefined;
    let render = pretty;
    if (fmt) {
      let t: ReturnType<typeof parseTemplate>;
      try {
        t = parseTemplate(fmt === 'json' ? '{{json .}}' : fmt);
        t.run(message({ type: 'container', action: '', id: '', attributes: {}, timeMs: 0, seq: 0 }));
      } catch (e) {
        if (e instanceof TemplateError) return { stdout: '', stderr: `Error parsing format: ${e.message}\n`, exitCode: 64 };
        throw e;
      }
      render = (e) => {
        try {
          return `${t.run(message(e))}\n`;
        } catch (err) {
          if (err instanceof TemplateError) return `${err.partial}\n`;
          throw err;
        }
      };
    }
    const now = env.host.clock.nowMs;
    const bound = (v: unknown): number | string | undefined => {
      if (v === undefined || v === '') return undefined;
      const r = getTimestamp(v as string, now);
      return 'error' in r ? r.error : r.ms;
    };
    const since = bound(flags.since);
    const until = bound(flags.until);
    if (typeof since === 'string') return { stdout: '', stderr: `${since}\n`, exitCode: 1 };
    if (typeof until === 'string') return { stdout: '', stderr: `${until}\n`, exitCode: 1 };
    const filters = (flags.filter as string[] | undefined) ?? [];
    const probe = matches({ type: 'container', action: '', id: '', attributes: {}, timeMs: 0, seq: 0 }, filters);
    if (typeof probe === 'string')
      return probe.startsWith('bad format')
        ? flagError(cmd.path, `invalid argument "${filters.find((f) => !f.includes('='))}" for "-f, --filter" flag: ${probe}`)
        : { stdout: '', stderr: `Error response from daemon: ${probe}\n`, exitCode: 1 };
    // The daemon replays the log from --since (whole seconds) up to --until, then streams.
    const inWindow = (e: DockerEvent) => (since === undefined || e.timeMs >= Math.floor(since / 1000) * 1000) && (until === undefined || e.timeMs <= until);
    const log = env.daemon.events.list;
    let out = '';
    const emit = (text: string) => {
      if (env.stream) env.stream({ stream: 'stdout', text });
      else out += text;
    };
    if (since !== undefined || until !== undefined) for (const e of log) if (inWindow(e) && matches(e, filters) === true) emit(render(e));
    if (until !== undefined && until <= now) return { stdout: out, stderr: '', exitCode: 0 };
    let seen = log.length ? (log[log.length - 1] as DockerEvent).seq : -1;
    const outcome = await env.host.waitUntil(
      () => {
        for (const e of log) {
          if (e.seq <= seen) continue;
          seen = e.seq;
          if (inWindow(e) && matches(e, filters) === true) emit(render(e));
        }
        return until !== undefined && env.host.clock.nowMs >= until;
      },
      until !== undefined ? until - now : undefined,
      env.signal,
    );
    return { stdout: out, stderr: '', exitCode: outcome === 'aborted' ? 130 : 0 };
  },
});
