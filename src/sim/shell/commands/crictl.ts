/**
 * crictl v1.30 against node1's containerd: `ps [-a] [-q] [--no-trunc] [--name RE] [-p|--pod ID] [-s|--state S]`, `pods [-q] [--no-trunc] [--name RE]
 * [--namespace RE] [-s|--state ready|notready]`,
 * `images [-q] [--digests] [--no-trunc]`, `inspect ID…`, `inspectp [-o json|yaml|table] [-q] POD-ID…` (crictl-inspectp.ts). Tables: kubernetes-sigs/cri-tools@v1.30.0
 * cmd/crictl/display.go (tabwriter 20, 1, 3, ' '), container.go ListContainers (newest first,
 * running only unless -a, IMAGE = the image ref truncated to 13), sandbox.go ListPodSandboxes,
 * image.go ListImages (normalizeRepoTagPair), util.go getTruncatedID (13 characters).
 */
import type { ExecResult } from '../../api.ts';
import { humanSizeWithPrecision, createdAgo } from '../../image/units.ts';
import type { Containerd, CriContainer, CriSandboxRecord } from '../../runtime/containerd.ts';
import { tabwriter } from '../kit/tabwriter.ts';
import { usageOf } from './usage.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const trunc = (id: string, prefix = '') => id.replace(prefix, '').slice(0, 13);
/** display.AddRow writes the cells joined by tabs, so the last column is never padded. */
const table = (rows: string[][]) => tabwriter(rows.map((r) => `${r.join('\t')}\n`).join(''), 20, 3);

async function cri(env: CmdEnv): Promise<Containerd> {
  const [{ containerdOf }, lib] = await Promise.all([import('../../runtime/containerd.ts'), env.daemon.imageLib()]);
  const c = containerdOf(env.host, lib.registry);
  await c.bootPause();
  return c;
}

const STATE: Record<CriContainer['state'], string> = { CONTAINER_CREATED: 'Created', CONTAINER_RUNNING: 'Running', CONTAINER_EXITED: 'Exited' };

/**
 * urfave/cli's answer to a flag it does not know or whose value is missing: it parses with Go's flag package, which
 * names the flag with one dash whatever was typed (go1.22 src/flag/flag.go parseOne: "flag provided but not defined:
 * -%s", "flag needs an argument: -%s").
 */
const badFlag = (sub: string, why: string, flag: string): ExecResult => ({
  stdout: '',
  stderr: `Incorrect Usage: ${why}: -${flag.replace(/^-+/, '').replace(/=.*/, '')}\n\nRun 'crictl ${sub} --help' for usage.\n`,
  exitCode: 1,
});

interface Flags {
  set: Set<string>;
  /** Flags that take a value (`--namespace kube-system`, `--namespace=kube-system`). */
  values: Map<string, string>;
  rest: string[];
}

/** `known` maps a flag to its name; a name ending in `=` takes a value. */
function flags(sub: string, args: string[], known: Record<string, string>): Flags | ExecResult {
  const set = new Set<string>();
  const values = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = known[eq > 0 ? a.slice(0, eq) : a];
    if (!name) return badFlag(sub, 'flag provided but not defined', a);
    if (!name.endsWith('=')) {
      set.add(name);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : args[++i];
    if (value === undefined) return badFlag(sub, 'flag needs an argument', a);
    values.set(name.slice(0, -1), value);
  }
  return { set, values, rest };
}

/** cmd/crictl/util.go matchesRegex: an empty pattern matches; a pattern that does not compile matches nothing. */
function matches(pattern: string | undefined, target: string): boolean {
  if (!pattern) return true;
  try {
    return new RegExp(pattern).test(target);
  } catch {
    return false;
  }
}

/** What containerd lists: what ran this session and kube-system's from the boot (Containerd.booted). */
const containersOf = (c: Containerd): CriContainer[] => [...c.booted.containers, ...c.containers.values()];
const sandboxesOf = (c: Containerd): CriSandboxRecord[] => [...c.booted.sandboxes, ...c.sandboxes.values()];

const CONTAINER_STATES: Record<string, CriContainer['state']> = { created: 'CONTAINER_CREATED', running: 'CONTAINER_RUNNING', exited: 'CONTAINER_EXITED' };

/** Go's log.Fatalf (crictl's container.go and sandbox.go import "log"): LstdFlags's `2006/01/02 15:04:05 ` on node1's UTC clock, exit 1. */
const fatal = (now: number, msg: string): ExecResult => ({
  stdout: '',
  stderr: `${new Date(now).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ')} ${msg}\n`,
  exitCode: 1,
});

/**
 * container.go ListContainers: running ones unless -a or --state (created, running, exited or unknown, any case);
 * `--pod`/`-p` a sandbox id, which containerd's CRI takes as a unique prefix too (containerd@v1.7.22:
 * pkg/cri/server/container_list.go filterCRIContainers); `--name` a regular expression (getContainersList).
 */
function ps(c: Containerd, now: number, f: Set<string>, v: Map<string, string>): ExecResult {
  const stateArg = v.get('state')?.toLowerCase();
  if (stateArg !== undefined && stateArg !== 'unknown' && !CONTAINER_STATES[stateArg])
    return fatal(now, '--state should be one of created, running, exited or unknown');
  const want = stateArg === undefined ? (f.has('all') ? undefined : 'CONTAINER_RUNNING') : (CONTAINER_STATES[stateArg] ?? 'CONTAINER_UNKNOWN');
  let pod = v.get('pod') ?? '';
  const prefixed = pod ? sandboxesOf(c).filter((s) => s.id.startsWith(pod)) : [];
  if (prefixed.length === 1) pod = (prefixed[0] as CriSandboxRecord).id;
  // Newest first; the same instant: the one created later first.
  const list = containersOf(c)
    .reverse()
    .filter((x) => (!want || x.state === want) && (!pod || x.sandboxId === pod) && matches(v.get('name'), x.name))
    .sort((a, b) => b.createdMs - a.createdMs);
  const out = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
  if (f.has('quiet')) return out(list.map((x) => `${x.id}\n`).join(''));
  const full = f.has('no-trunc');
  const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD']];
  for (const x of list)
    rows.push([
      full ? x.id : trunc(x.id),
      full ? x.imageRef : trunc(x.imageRef, 'sha256:'),
      createdAgo(x.createdMs, now),
      STATE[x.state],
      x.name,
      String(x.attempt),
      full ? x.sandboxId : trunc(x.sandboxId),
      x.labels['io.kubernetes.pod.name'] ?? 'unknown',
    ]);
  return out(table(rows));
}

/**
 * sandbox.go ListPodSandboxes: `--state` is a CRI filter (ready or notready, any case; anything else is fatal),
 * `--name` and `--namespace` regular expressions on the metadata (getSandboxesList).
 */
function pods(c: Containerd, now: number, f: Set<string>, v: Map<string, string>): ExecResult {
  const state = v.get('state')?.toLowerCase();
  // Go's standard log.Fatalf (sandbox.go imports "log"): LstdFlags's `2006/01/02 15:04:05 ` (node1's clock is UTC), exit 1.
  const stamp = new Date(now).toISOString().slice(0, 19).replace(/-/g, '/').replace('T', ' ');
  if (state !== undefined && state !== 'ready' && state !== 'notready')
    return { stdout: '', stderr: `${stamp} --state should be ready or notready\n`, exitCode: 1 };
  const list = sandboxesOf(c)
    .filter((x) => !state || x.state === (state === 'ready' ? 'SANDBOX_READY' : 'SANDBOX_NOTREADY'))
    .filter((x) => matches(v.get('name'), x.name) && matches(v.get('namespace'), x.namespace))
    .reverse()
    .sort((a, b) => b.createdMs - a.createdMs);
  const out = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
  if (f.has('quiet')) return out(list.map((x) => `${x.id}\n`).join(''));
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
  for (const x of list)
    rows.push([
      f.has('no-trunc') ? x.id : trunc(x.id),
      createdAgo(x.createdMs, now),
      x.state === 'SANDBOX_READY' ? 'Ready' : 'NotReady',
      x.name,
      x.namespace,
      String(x.attempt),
      '(default)',
    ]);
  return out(table(rows));
}

/**
 * What ListImages returns: the images pulled this session and kube-system's from before it (Containerd.booted.images),
 * one entry per image with its tags and repo digests.
 */
function listImages(c: Containerd): { tags: string[]; repoDigest: string; id: string; size: number }[] {
  const pulled = c.store.all().map((i) => ({ tags: [...i.tags], repoDigest: [...i.digests][0] ?? '', id: i.image.id, size: i.image.size }));
  const booted = c.booted.images.filter((b) => !pulled.some((p) => p.tags.includes(b.tag))).map((b) => ({ ...b, tags: [b.tag] }));
  return [...pulled, ...booted];
}

function images(c: Containerd, f: Set<string>): string {
  const all = listImages(c).sort((a, b) => (a.tags[0] ?? '').localeCompare(b.tags[0] ?? ''));
  if (f.has('quiet')) return all.map((i) => `${i.id}\n`).join('');
  const digests = f.has('digests');
  const rows = [['IMAGE', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'SIZE']];
  for (const i of all) {
    const name = i.repoDigest.split('@')[0] ?? '';
    const digest = f.has('no-trunc') ? (i.repoDigest.split('@')[1] ?? '') : trunc(i.repoDigest.split('@')[1] ?? '', 'sha256:');
    const id = f.has('no-trunc') ? i.id : trunc(i.id, 'sha256:');
    const size = humanSizeWithPrecision(i.size, 3);
    // normalizeRepoTagPair: one row per repo:tag; an image with no tag is `<none>`.
    const pairs = i.tags.length ? i.tags.map((t) => [t.slice(0, t.lastIndexOf(':')), t.slice(t.lastIndexOf(':') + 1)]) : [[name || '<none>', '<none>']];
    for (const [repo, tag] of pairs) rows.push([repo as string, tag as string, ...(digests ? [digest] : []), id, size]);
  }
  return table(rows);
}

const rfc3339Nano = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/\.000Z$/, 'Z')
    .replace(/(\.\d*?)0+Z$/, '$1Z');

function inspect(c: Containerd, ids: string[]): ExecResult {
  // logrus on a terminal: `FATA[0000] msg` (crictl's log.Fatal / returned errors).
  if (!ids.length) return { stdout: '', stderr: 'FATA[0000] ID cannot be empty\n', exitCode: 1 };
  const out: string[] = [];
  for (const ref of ids) {
    const hits = containersOf(c).filter((x) => x.id.startsWith(ref));
    const x = hits.length === 1 ? hits[0] : undefined;
    if (!x)
      return {
        stdout: out.join(''),
        stderr: `FATA[0000] getting the status of the container "${ref}": rpc error: code = NotFound desc = an error occurred when try to find container "${ref}": not found\n`,
        exitCode: 1,
      };
    const sb = sandboxesOf(c).find((s) => s.id === x.sandboxId);
    const doc = {
      status: {
        id: x.id,
        metadata: { attempt: x.attempt, name: x.name },
        state: x.state,
        createdAt: rfc3339Nano(x.createdMs),
        startedAt: x.startedMs ? rfc3339Nano(x.startedMs) : '0001-01-01T00:00:00Z',
        finishedAt: x.state === 'CONTAINER_EXITED' ? rfc3339Nano(x.finishedMs) : '0001-01-01T00:00:00Z',
        exitCode: x.exitCode,
        image: { annotations: {}, image: x.image, runtimeHandler: '', userSpecifiedImage: '' },
        imageRef: [...(c.store.get(x.imageRef as `sha256:${string}`)?.digests ?? [])][0] ?? x.repoDigest ?? x.imageRef,
        reason: x.reason,
        message: '',
        labels: x.labels,
        annotations: {},
        mounts: [],
        logPath: `/var/log/pods/${sb?.namespace}_${sb?.name}_${sb?.uid}/${x.name}/${x.attempt}.log`,
        resources: null,
      },
      info: {
        sandboxID: x.sandboxId,
        pid: x.state === 'CONTAINER_RUNNING' ? x.pid : 0,
        removing: false,
        snapshotKey: x.id,
        snapshotter: 'overlayfs',
        runtimeType: 'io.containerd.runc.v2',
        runtimeOptions: { systemd_cgroup: true },
      },
    };
    out.push(`${JSON.stringify(doc, null, 2)}\n`);
  }
  return { stdout: out.join(''), stderr: '', exitCode: 0 };
}

const SUBS: Record<string, Record<string, string>> = {
  ps: {
    '-a': 'all',
    '--all': 'all',
    '-q': 'quiet',
    '--quiet': 'quiet',
    '--no-trunc': 'no-trunc',
    '--name': 'name=',
    '--pod': 'pod=',
    '-p': 'pod=',
    '--state': 'state=',
    '-s': 'state=',
  },
  pods: {
    '-q': 'quiet',
    '--quiet': 'quiet',
    '--no-trunc': 'no-trunc',
    '--name': 'name=',
    '--namespace': 'namespace=',
    '--state': 'state=',
    '-s': 'state=',
  },
  images: { '-q': 'quiet', '--quiet': 'quiet', '--digests': 'digests', '--no-trunc': 'no-trunc' },
  img: { '-q': 'quiet', '--quiet': 'quiet', '--digests': 'digests', '--no-trunc': 'no-trunc' },
  inspect: {},
  inspectp: { '-o': 'output=', '--output': 'output=', '-q': 'quiet', '--quiet': 'quiet', '--template': 'template=' },
};

export const crictl: SimCommand = {
  name: 'crictl',
  async run(args, env) {
    const [sub, ...rest] = args;
    // With no command, urfave/cli shows the app's help.
    if (!sub) return { stdout: usageOf('crictl', 'coreutils')?.text ?? '', stderr: '', exitCode: 0 };
    const known = SUBS[sub];
    // urfave/cli@v2 (crictl's CLI library): an unknown command.
    if (!known) return { stdout: '', stderr: `No help topic for '${sub}'\n`, exitCode: 3 };
    const f = flags(sub, rest, known);
    if ('exitCode' in f) return f;
    const c = await cri(env);
    const now = env.host.clock.nowMs;
    if (sub === 'ps') return ps(c, now, f.set, f.values);
    if (sub === 'pods') return pods(c, now, f.set, f.values);
    if (sub === 'inspect') return inspect(c, f.rest);
    if (sub === 'inspectp') return (await import('./crictl-inspectp.ts')).inspectp(env, sandboxesOf(c), f.rest, f.values, f.set.has('quiet'));
    return { stdout: images(c, f.set), stderr: '', exitCode: 0 };
  },
};
