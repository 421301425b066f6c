import type { ExecResult } from '../../../api.ts';
import { containerLabels, stateString, type Container } from '../../../docker/container.ts';
import { defineCommand, type DockerFlag, type FlagValues, type Invocation, FORMAT_HELP } from './define.ts';
import type { CmdEnv } from '../../types.ts';
import { portsColumn } from '../../../net/ports.ts';
import { humanDuration, tabwrite } from './format.ts';
import { writeList } from '../../kit/listformat.ts';
import { GoFunc, GoStruct } from '../../kit/template/index.ts';
import { goQuote } from '../../kit/template/quote.ts';
import { goTimeString } from '../../kit/gotime.ts';
import { inspectMounts } from './run-storage.ts';
import { layerSizes } from './inspect-doc.ts';
import { parseFilters } from './filters.ts';
import { psFilter } from './ps-filter.ts';
import { humanSizeWithPrecision } from '../../../image/units.ts';

export function statusText(c: Container, now: number): string {
  // moby@v27.3.1:container/state.go String(): "Up 5 seconds (Paused)", else with the health (container/health.go
  // String(): "health: starting", "healthy", "unhealthy").
  if (c.status === 'running') {
    const health = c.health ? ` (${c.health.Status === 'starting' ? 'health: starting' : c.health.Status})` : '';
    return `Up ${humanDuration(now - c.startedMs)}${c.paused ? ' (Paused)' : health}`;
  }
  if (c.status === 'created') return 'Created';
  return `Exited (${c.exitCode}) ${humanDuration(now - c.finishedMs)} ago`;
}

function commandText(c: Container, noTrunc: boolean): string {
  // moby's container list: Path, then the args, an arg with a space in single quotes;
  // docker/cli@v27.3.1:cli/command/formatter/container.go Command(): strconv.Quote(Ellipsis(cmd, 20)).
  const [path = '', ...args] = [...(c.config.Entrypoint ?? []), ...(c.config.Cmd ?? [])];
  const cmd = [path, ...args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
  const short = !noTrunc && [...cmd].length > 20 ? `${[...cmd].slice(0, 19).join('')}…` : cmd;
  return goQuote(short);
}

// docker/cli@v27.3.1:cli/command/formatter/container.go NewContainerContext: the header map.
const PS_HEADER = {
  ID: 'CONTAINER ID',
  Names: 'NAMES',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
  Mounts: 'MOUNTS',
  LocalVolumes: 'LOCAL VOLUMES',
  Networks: 'NETWORKS',
};

/** `*formatter.ContainerContext`: its methods as fields, in MarshalJSON's (sorted) key order. */
function containerContext(c: Container, env: CmdEnv, noTrunc: boolean, now: number): GoStruct {
  const mounts = inspectMounts(env.daemon, c) as { Name?: string; Source?: string; Driver?: string }[];
  const ellipsis = (s: string, n: number) => (!noTrunc && [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);
  const labels = containerLabels(c);
  return new GoStruct(
    '*formatter.ContainerContext',
    {
      Command: commandText(c, noTrunc),
      CreatedAt: goTimeString(c.createdMs),
      ID: noTrunc ? c.id : c.id.slice(0, 12),
      Image: c.imageArg,
      Labels: Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
      LocalVolumes: String(mounts.filter((m) => m.Driver === 'local').length),
      Mounts: mounts.map((m) => ellipsis(m.Name || m.Source || '', 15)).join(','),
      Names: c.name,
      Networks:
        c.hostConfig && env.daemon.net
          ? env.daemon.net
              .networksOf(c)
              .map((n) => n.name)
              .join(',')
          : '',
      Ports: portsText(c),
      RunningFor: `${humanDuration(now - c.createdMs)} ago`,
      Size: sizeText(env, c),
      State: stateString(c),
      Status: statusText(c, now),
      Label: new GoFunc(['string'], (name) => labels[name as string] ?? ''),
    },
    undefined,
    undefined,
    true,
  );
}

/** SIZE: docker/cli@v27.3.1:cli/command/formatter/container.go Size(): HumanSizeWithPrecision(…, 3) of layerSizes' two. */
function sizeText(env: CmdEnv, c: Container): string {
  const { rw, rootfs } = layerSizes(env.daemon, c);
  return rootfs > 0 ? `${humanSizeWithPrecision(rw, 3)} (virtual ${humanSizeWithPrecision(rootfs, 3)})` : humanSizeWithPrecision(rw, 3);
}

export function portsText(c: Container): string {
  return portsColumn(c);
}

// docker/cli@v27.3.1:cli/command/container/list.go newPsCommand (flagsHelper.FormatHelp for --format).
const FLAGS = [
  { long: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
  { long: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
  { long: 'format', type: 'string', usage: FORMAT_HELP },
  { long: 'last', short: 'n', type: 'int', default: '-1', usage: 'Show n last created containers (includes all states)' },
  { long: 'latest', short: 'l', type: 'bool', usage: 'Show the latest created container (includes all states)' },
  { long: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display container IDs' },
  { long: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
] as const satisfies readonly DockerFlag[];

// docker/cli@v27.3.1:cli/command/container/list.go newPsCommand (flagsHelper.FormatHelp for --format).
export default defineCommand({
  use: 'ps [OPTIONS]',
  short: 'List containers',
  aliases: 'docker container ls, docker container list, docker container ps, docker ps',
  top: 3,
  flags: FLAGS,
  run: (flags, rest, env, cmd) => dockerPs(flags, rest, env, cmd),
});

async function dockerPs(f: FlagValues<typeof FLAGS>, rest: string[], env: CmdEnv, cmd: Invocation): Promise<ExecResult> {
  await env.daemon.monitors.flush(); // probes and loop passes due while this line ran (docker/monitors.ts)
  if (rest.length)
    return { stdout: '', stderr: `"${cmd.path}" accepts no arguments.\nSee '${cmd.path} --help'.\n\nUsage:  ${cmd.useLine}\n\nList containers\n`, exitCode: 1 };
  const now = env.host.clock.nowMs;
  // Newest first, as the daemon lists them.
  let list = [...env.daemon.containers.values()].reverse();
  const parsedFilters = parseFilters(f.filter, '-f, --filter');
  if (parsedFilters.error) return { stdout: '', stderr: `${parsedFilters.error}\nSee '${cmd.path} --help'.\n`, exitCode: 125 };
  const filters = parsedFilters.filters;
  const daemonErr = (e: string) => ({ stdout: '', stderr: `Error response from daemon: ${e}\n`, exitCode: 1 });
  const test = psFilter(filters, env.daemon.net, (c) => inspectMounts(env.daemon, c) as { Name?: string; Source: string; Destination: string }[]);
  if ('error' in test) return daemonErr(test.error);
  // moby@v27.3.1:daemon/list.go foldFilter: before= and since= name one container, by full ID or name
  // (idOrNameFilter; view.Get's "No such container: …"); includeContainerInList skips the newer ones
  // up to and including `before`, and stops at `since`, ahead of the running-only rule. A status filter lists all.
  const around: Partial<Record<'before' | 'since', Container>> = {};
  for (const key of ['before', 'since'] as const) {
    for (const value of filters.get(key)) {
      const c = list.find((x) => x.id === value) ?? list.find((x) => x.name === value.replace(/^\//, ''));
      if (!c) return daemonErr(`No such container: ${value}`);
      around[key] = c;
    }
  }
  if (around.before) list = list.slice(list.indexOf(around.before) + 1);
  if (around.since) list = list.slice(0, list.indexOf(around.since));
  // list.go buildContainerListOptions: --latest is a limit of 1 unless --last is given; moby@v27.3.1:daemon/list.go
  // includeContainerInList lists stopped containers too when there is a limit, and stops at it.
  const last = Number(f.last ?? -1);
  const limit = f.latest && last === -1 ? 1 : last;
  if (!f.all && limit <= 0 && !filters.contains('status')) list = list.filter((c) => c.status === 'running');
  list = list.filter((c) => test.test(c));
  if (limit > 0) list = list.slice(0, limit);
  if (f.quiet) return { stdout: list.map((c) => `${f['no-trunc'] ? c.id : c.id.slice(0, 12)}\n`).join(''), stderr: '', exitCode: 0 };
  const row = (c: Container) => ({
    ID: f['no-trunc'] ? c.id : c.id.slice(0, 12),
    Image: c.imageArg,
    Command: commandText(c, Boolean(f['no-trunc'])),
    CreatedAt: new Date(c.createdMs).toISOString(),
    RunningFor: `${humanDuration(now - c.createdMs)} ago`,
    Status: statusText(c, now),
    State: stateString(c),
    Ports: portsText(c),
    Names: c.name,
  });
  const format = f.format;
  if (format && format !== 'table') {
    // NewContainerFormat: "raw" is its own template; anything else is the learner's.
    const raw = `container_id: {{.ID}}\nimage: {{.Image}}\ncommand: {{.Command}}\ncreated_at: {{.CreatedAt}}\nstate: {{- pad .State 1 0}}\nstatus: {{- pad .Status 1 0}}\nnames: {{.Names}}\nlabels: {{- pad .Labels 1 0}}\nports: {{- pad .Ports 1 0}}\n${f.size ? 'size: {{.Size}}\n' : ''}`;
    return writeList(
      format === 'raw' ? raw : format,
      list.map((c) => containerContext(c, env, Boolean(f['no-trunc']), now)),
      PS_HEADER,
    );
  }
  // NewContainerFormat: with --size the table gets `\t{{.Size}}`.
  const head = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES', ...(f.size ? ['SIZE'] : [])];
  const rows = [
    head,
    ...list.map((c) => {
      const r = row(c);
      return [r.ID, r.Image, r.Command, r.RunningFor, r.Status, r.Ports, r.Names, ...(f.size ? [sizeText(env, c)] : [])];
    }),
  ];
  return { stdout: tabwrite(rows), stderr: '', exitCode: 0 };
}
