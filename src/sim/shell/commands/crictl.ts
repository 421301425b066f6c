/**
 * crictl v1.30 against node1's containerd: `ps [-a] [-q] [--no-trunc]`, `pods [-q] [--no-trunc]`,
 * `images [-q] [--digests] [--no-trunc]`, `inspect ID…`. Tables: kubernetes-sigs/cri-tools@v1.30.0
 * cmd/crictl/display.go (tabwriter 20, 1, 3, ' '), container.go ListContainers (newest first,
 * running only unless -a, IMAGE = the image ref truncated to 13), sandbox.go ListPodSandboxes,
 * image.go ListImages (normalizeRepoTagPair), util.go getTruncatedID (13 characters).
 */
import type { ExecResult } from '../../api.ts';
import { humanSizeWithPrecision, createdAgo } from '../../image/units.ts';
import type { Containerd, CriContainer } from '../../runtime/containerd.ts';
import { tabwriter } from '../kit/tabwriter.ts';
import { usageOf } from './usage.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const trunc = (id: string, prefix = '') => id.replace(prefix, '').slice(0, 13);
/** display.AddRow writes the cells joined by tabs, so the last column is never padded. */
const table = (rows: string[][]) => tabwriter(rows.map((r) => `${r.join('\t')}\n`).join(''), 20, 3);

async function cri(env: CmdEnv): Promise<Containerd> {
  const [{ containerdOf }, lib] = await Promise.all([import('../../runtime/containerd.ts'), env.daemon.imageLib()]);
  return containerdOf(env.host, lib.registry);
}

const STATE: Record<CriContainer['state'], string> = { CONTAINER_CREATED: 'Created', CONTAINER_RUNNING: 'Running', CONTAINER_EXITED: 'Exited' };

/** urfave/cli's answer to a flag it does not know (crictl is built on it). */
const badFlag = (sub: string, flag: string): ExecResult => ({
  stdout: '',
  stderr: `Incorrect Usage: flag provided but not defined: ${flag.replace(/=.*/, '')}\n\nRun 'crictl ${sub} --help' for usage.\n`,
  exitCode: 1,
});

function flags(sub: string, args: string[], known: Record<string, string>): { set: Set<string>; rest: string[] } | ExecResult {
  const set = new Set<string>();
  const rest: string[] = [];
  for (const a of args) {
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    const name = known[a];
    if (!name) return badFlag(sub, a);
    set.add(name);
  }
  return { set, rest };
}

function ps(c: Containerd, now: number, f: Set<string>): string {
  // Newest first; the same instant: the one created later first.
  const list = [...c.containers.values()]
    .reverse()
    .filter((x) => f.has('all') || x.state === 'CONTAINER_RUNNING')
    .sort((a, b) => b.createdMs - a.createdMs);
  if (f.has('quiet')) return list.map((x) => `${x.id}\n`).join('');
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
  return table(rows);
}

function pods(c: Containerd, now: number, f: Set<string>): string {
  const list = [...c.sandboxes.values()].reverse().sort((a, b) => b.createdMs - a.createdMs);
  if (f.has('quiet')) return list.map((x) => `${x.id}\n`).join('');
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
  return table(rows);
}

function images(c: Containerd, f: Set<string>): string {
  const all = c.store.all().sort((a, b) => ([...a.tags][0] ?? '').localeCompare([...b.tags][0] ?? ''));
  if (f.has('quiet')) return all.map((i) => `${i.image.id}\n`).join('');
  const digests = f.has('digests');
  const rows = [['IMAGE', 'TAG', ...(digests ? ['DIGEST'] : []), 'IMAGE ID', 'SIZE']];
  for (const i of all) {
    const repoDigest = [...i.digests][0] ?? '';
    const name = repoDigest.split('@')[0] ?? '';
    const digest = f.has('no-trunc') ? (repoDigest.split('@')[1] ?? '') : trunc(repoDigest.split('@')[1] ?? '', 'sha256:');
    const id = f.has('no-trunc') ? i.image.id : trunc(i.image.id, 'sha256:');
    const size = humanSizeWithPrecision(i.image.size, 3);
    // normalizeRepoTagPair: one row per repo:tag; an image with no tag is `<none>`.
    const pairs = i.tags.size ? [...i.tags].map((t) => [t.slice(0, t.lastIndexOf(':')), t.slice(t.lastIndexOf(':') + 1)]) : [[name || '<none>', '<none>']];
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
    const hits = [...c.containers.values()].filter((x) => x.id.startsWith(ref));
    const x = hits.length === 1 ? hits[0] : undefined;
    if (!x)
      return {
        stdout: out.join(''),
        stderr: `FATA[0000] getting the status of the container "${ref}": rpc error: code = NotFound desc = an error occurred when try to find container "${ref}": not found\n`,
        exitCode: 1,
      };
    const sb = c.sandboxes.get(x.sandboxId);
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
        imageRef: [...(c.store.get(x.imageRef as `sha256:${string}`)?.digests ?? [])][0] ?? x.imageRef,
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
  ps: { '-a': 'all', '--all': 'all', '-q': 'quiet', '--quiet': 'quiet', '--no-trunc': 'no-trunc' },
  pods: { '-q': 'quiet', '--quiet': 'quiet', '--no-trunc': 'no-trunc' },
  images: { '-q': 'quiet', '--quiet': 'quiet', '--digests': 'digests', '--no-trunc': 'no-trunc' },
  img: { '-q': 'quiet', '--quiet': 'quiet', '--digests': 'digests', '--no-trunc': 'no-trunc' },
  inspect: {},
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
    if (sub === 'ps') return { stdout: ps(c, now, f.set), stderr: '', exitCode: 0 };
    if (sub === 'pods') return { stdout: pods(c, now, f.set), stderr: '', exitCode: 0 };
    if (sub === 'inspect') return inspect(c, f.rest);
    return { stdout: images(c, f.set), stderr: '', exitCode: 0 };
  },
};
