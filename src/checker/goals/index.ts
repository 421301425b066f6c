/**
 * Goal predicates for shell-goal exercises: pure functions over the simulator's
 * WorldSnapshot (src/sim/api.ts). They compare end state, not the commands typed
 * (learnGitBranching treeCompare); `start` is the scenario's snapshot before the
 * learner's first command, for "left untouched" goals.
 */
import { asText } from '../templates/helpers.ts';
import type { ContainerView, WorldSnapshot } from '../../sim/api.ts';
import { select } from '../exercise/select.ts';

export type GoalPredicate = (world: WorldSnapshot, params: Record<string, unknown>, start?: WorldSnapshot) => boolean;

function byName(world: WorldSnapshot, name: unknown): ContainerView | undefined {
  return world.containers.find((c) => c.name === name);
}

function imageMatches(c: ContainerView, pattern: unknown): boolean {
  if (pattern === undefined) return true;
  return new RegExp(String(pattern)).test(c.image);
}

export const goalPredicates: Record<string, GoalPredicate> = {
  /** Container `name` exists, is running, and its image matches `image` (a regular expression). */
  'container-running': (w, p) => {
    const c = byName(w, p.name);
    return !!c && c.state === 'running' && imageMatches(c, p.image);
  },

  /** Container `name` publishes `binding`, written as docker ps prints it: 0.0.0.0:8080->80/tcp. */
  'container-port': (w, p) => {
    const c = byName(w, p.name);
    return !!c && c.ports.includes(String(p.binding));
  },

  /** A value of container `name` (selector over the ContainerView, e.g. inspect.HostConfig.NetworkMode, cgroupFiles.memory\.max) equals `equals` or matches `matches`. */
  'container-field': (w, p) => {
    const c = byName(w, p.name);
    if (!c) return false;
    const v = p.key !== undefined ? (select(c, String(p.path))[0] as Record<string, unknown> | undefined)?.[String(p.key)] : select(c, String(p.path))[0];
    if (p.matches !== undefined) return typeof v === 'string' && new RegExp(String(p.matches)).test(v);
    return JSON.stringify(v) === JSON.stringify(p.equals);
  },

  /** Some command's output contains `text`; with `command`, only commands whose line matches that regular expression count. */
  'output-contains': (w, p) =>
    w.transcript.some((t) => (t.stdout.includes(String(p.text))) && (p.command === undefined || new RegExp(String(p.command)).test(t.line))),

  /**
   * Some output shows the host PID of container `name`'s main process, printed by a
   * command matching `command`. The PID is read from the state, not fixed: it is 23817
   * only when `name` is the first container the host started.
   */
  'output-contains-pid': (w, p) => {
    const c = byName(w, p.name);
    if (!c?.pid) return false;
    const pid = new RegExp(`(^|\\D)${c.pid}(\\D|$)`, 'm');
    return w.transcript.some((t) => pid.test(t.stdout) && (p.command === undefined || new RegExp(String(p.command)).test(t.line)));
  },

  /** No container is in state `state` (default exited), apart from those named in `except`. */
  'no-container-in-state': (w, p) => {
    const except = Array.isArray(p.except) ? p.except.map(String) : [];
    return !w.containers.some((c) => c.state === (p.state ?? 'exited') && !except.includes(c.name));
  },

  /** Every container running at the start is still running, with the same id, apart from those named in `except`. */
  'running-untouched': (w, p, start) => {
    if (!start) return true;
    const except = Array.isArray(p.except) ? p.except.map(String) : [];
    return start.containers
      .filter((c) => c.state === 'running' && !except.includes(c.name))
      .every((c) => w.containers.some((x) => x.id === c.id && x.state === 'running'));
  },

  /** No container named `name` is running: it was stopped, it exited, or it was removed. */
  'container-stopped': (w, p) => byName(w, p.name)?.state !== 'running',

  /**
   * Container `name` is running and its main process listens on TCP `port` (with `minPort`,
   * on some port at least that high; with neither, on any port); with `uid`, that process
   * runs as this UID.
   */
  'container-listens': (w, p) => {
    const c = byName(w, p.name);
    if (c?.state !== 'running') return false;
    const main = w.processes.find((x) => x.pid === c.pid);
    if (!main || (p.uid !== undefined && main.uid !== Number(p.uid))) return false;
    const ports = main.listens ?? [];
    return p.port !== undefined ? ports.includes(Number(p.port)) : ports.some((x) => x >= Number(p.minPort ?? 1));
  },

  /** Named volume `volume` holds `file` with content `content` (a trailing newline is ignored). */
  'volume-file': (w, p) => {
    const v = w.volumes.find((x) => x.name === p.volume && !x.anonymous);
    const content = v?.files[String(p.file)];
    return content !== undefined && content.replace(/\n$/, '') === String(p.content);
  },

  /** The host (the initial UTS namespace) is still called `name`. */
  'host-hostname': (w, p) => w.hostname === String(p.name),

  /**
   * Some live process sits in namespaces of its own: when `hostname` is given, a UTS
   * namespace other than the host's with that hostname; when `interfaces` is given, a
   * network namespace other than the host's that holds exactly those interfaces.
   */
  'process-namespaces': (w, p) => {
    const host = w.processes.find((x) => x.pid === 1);
    if (!host) return false;
    const ns = (inode: number) => w.namespaces.find((n) => n.inode === inode);
    const wanted = Array.isArray(p.interfaces) ? p.interfaces.map(String).sort() : null;
    return w.processes.some((x) => {
      if (x.state === 'Z') return false;
      if (p.hostname !== undefined && (x.ns.uts === host.ns.uts || ns(x.ns.uts)?.hostname !== String(p.hostname))) return false;
      if (!wanted) return true;
      const ifaces = [...(ns(x.ns.net)?.interfaces ?? [])].sort();
      return x.ns.net !== host.ns.net && ifaces.length === wanted.length && ifaces.every((i, k) => i === wanted[k]);
    });
  },

  /**
   * Container `name` is running, has been up at least `minUptimeMs`, and holds at most
   * `max` processes in state `state` (default: no zombies).
   */
  'container-processes': (w, p) => {
    const c = byName(w, p.name);
    if (c?.state !== 'running') return false;
    const started = Date.parse(asText((c.inspect.State as { StartedAt?: unknown } | undefined)?.StartedAt ?? ''));
    if (p.minUptimeMs !== undefined && !(w.nowMs - started >= Number(p.minUptimeMs))) return false;
    const state = String(p.state ?? 'Z');
    return w.processes.filter((x) => x.containerId === c.id && x.state === state).length <= Number(p.max ?? 0);
  },

  /** No container named `name` exists any more. */
  'container-removed': (w, p) => !byName(w, p.name),

  /**
   * Registry repository `repo` (host/repo, e.g. localhost:5000/demo) has every tag in `tags`;
   * with `sameDigest`, they all point to one manifest digest; with `fresh`, that digest is
   * none the repository held at the start; every tag in `unchanged` still points to the
   * digest it had at the start.
   */
  'registry-tags': (w, p, start) => {
    const repo = w.registry[String(p.repo)] ?? {};
    const before = start?.registry[String(p.repo)] ?? {};
    const tags = Array.isArray(p.tags) ? p.tags.map(String) : [];
    const digests = tags.map((t) => repo[t]);
    if (digests.some((d) => d === undefined)) return false;
    if (p.sameDigest === true && new Set(digests).size > 1) return false;
    if (p.fresh === true && digests.some((d) => Object.values(before).includes(d as string))) return false;
    const unchanged = Array.isArray(p.unchanged) ? p.unchanged.map(String) : [];
    return unchanged.every((t) => before[t] !== undefined && repo[t] === before[t]);
  },
};
