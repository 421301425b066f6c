/**
 * Goals for shell-goal exercises: pure functions over the simulator's WorldSnapshot
 * (src/sim/api.ts). They compare end state, not the commands typed (learnGitBranching
 * treeCompare); `start` is the scenario's snapshot before the learner's first command, for
 * "left untouched" goals. Each goal declares its parameters as a zod schema; exercises are
 * parsed against it when they load (exercise/load.ts). As for rule templates (rule.ts), the
 * schema is a function of the zod it is given, so grading never loads zod (params.ts
 * templateParams builds it).
 */
import type { z } from 'zod';
import { asText } from '../templates/helpers.ts';
import type { ContainerView, WorldSnapshot } from '../../sim/api.ts';
import { select } from '../exercise/select.ts';
import type { Zod } from '../rule.ts';
import { regex } from '../schema-parts.ts';

/** A goal: `test` takes parameters already parsed (grading: parsed once, when the exercise loaded). */
export interface Goal<S extends z.ZodType = z.ZodType> {
  /** The parameters' schema, built from the zod it is given (params.ts templateParams). */
  params: (z: Zod) => S;
  test(world: WorldSnapshot, params: z.output<S>, start?: WorldSnapshot): boolean;
}

function defineGoal<S extends z.ZodType>(def: {
  params: (z: Zod) => S;
  test: (world: WorldSnapshot, params: z.output<S>, start?: WorldSnapshot) => boolean;
}): Goal<S> {
  return def;
}

const name = (z: Zod) => z.string().min(1).describe("The container's name.");
const command = (z: Zod) => regex(z).optional().describe('Only commands whose line matches this regular expression count.');
/** Docker's container names ([a-zA-Z0-9][a-zA-Z0-9_.-]+, moby@v27.3.1:daemon/names/names.go). */
const containerName = (z: Zod) =>
  z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, 'a container name (Docker: [a-zA-Z0-9][a-zA-Z0-9_.-]+)')
    .describe("The container's name.");
const port = (z: Zod) => z.number().int().min(1).max(65535);
const CONTAINER_STATES = ['created', 'running', 'paused', 'exited', 'dead'] as const;

function byName(world: WorldSnapshot, name: string): ContainerView | undefined {
  return world.containers.find((c) => c.name === name);
}

function imageMatches(c: ContainerView, pattern: string | undefined): boolean {
  if (pattern === undefined) return true;
  return new RegExp(pattern).test(c.image);
}

/** The shell goals by name: what a shell-goal exercise's checks name as `template`. */
export const shellGoals: Record<string, Goal> = {
  /** Container `name` exists, is running, and its image matches `image` (a regular expression). */
  'container-running': defineGoal({
    params: (z) => z.object({ name: name(z), image: regex(z).optional().describe("Regular expression the container's image must match.") }).strict(),
    test: (w, p) => {
      const c = byName(w, p.name);
      return !!c && c.state === 'running' && imageMatches(c, p.image);
    },
  }),

  /** Container `name` publishes `binding`, written as docker ps prints it: 0.0.0.0:8080->80/tcp. */
  'container-port': defineGoal({
    params: (z) => z.object({ name: name(z), binding: z.string().min(1).describe('The binding as docker ps prints it, e.g. 0.0.0.0:8080->80/tcp.') }).strict(),
    test: (w, p) => {
      const c = byName(w, p.name);
      return !!c && c.ports.includes(p.binding);
    },
  }),

  /** A value of container `name` (selector over the ContainerView, e.g. inspect.HostConfig.NetworkMode, cgroupFiles.memory\.max) equals `equals` or matches `matches`. */
  'container-field': defineGoal({
    params: (z) =>
      z
        .object({
          name: name(z),
          path: z.string().min(1).describe("Selector over the container's view, e.g. inspect.HostConfig.NetworkMode or cgroupFiles."),
          key: z.string().min(1).optional().describe('A key of the selected mapping (for keys with dots, such as memory.max).'),
          matches: regex(z).optional().describe('Regular expression the value (a string) must match.'),
          equals: z.unknown().optional().describe('The value must equal this (compared as JSON).'),
        })
        .strict()
        .refine((p) => p.matches !== undefined || 'equals' in p, { message: 'give equals or matches', path: ['equals'] }),
    test: (w, p) => {
      const c = byName(w, p.name);
      if (!c) return false;
      const v = p.key !== undefined ? (select(c, p.path)[0] as Record<string, unknown> | undefined)?.[p.key] : select(c, p.path)[0];
      if (p.matches !== undefined) return typeof v === 'string' && new RegExp(p.matches).test(v);
      return JSON.stringify(v) === JSON.stringify(p.equals);
    },
  }),

  /** Some command's output contains `text`; with `command`, only commands whose line matches that regular expression count. */
  'output-contains': defineGoal({
    params: (z) => z.object({ text: z.string().describe("Text some command's standard output must contain."), command: command(z) }).strict(),
    test: (w, p) => w.transcript.some((t) => t.stdout.includes(p.text) && (p.command === undefined || new RegExp(p.command).test(t.line))),
  }),

  /**
   * Some output shows the host PID of container `name`'s main process, printed by a
   * command matching `command`. The PID is read from the state, not fixed: it is 23817
   * only when `name` is the first container the host started.
   */
  'output-contains-pid': defineGoal({
    params: (z) => z.object({ name: name(z), command: command(z) }).strict(),
    test: (w, p) => {
      const c = byName(w, p.name);
      if (!c?.pid) return false;
      const pid = new RegExp(`(^|\\D)${c.pid}(\\D|$)`, 'm');
      return w.transcript.some((t) => pid.test(t.stdout) && (p.command === undefined || new RegExp(p.command).test(t.line)));
    },
  }),

  /** No container is in state `state` (default exited), apart from those named in `except`. */
  'no-container-in-state': defineGoal({
    params: (z) =>
      z
        .object({
          state: z.enum(CONTAINER_STATES).default('exited').describe('The container state none may be in.'),
          except: z.array(z.string()).default([]).describe('Names of containers allowed to be in that state.'),
        })
        .strict(),
    test: (w, p) => !w.containers.some((c) => c.state === p.state && !p.except.includes(c.name)),
  }),

  /** Every container running at the start is still running, with the same id, apart from those named in `except`. */
  'running-untouched': defineGoal({
    params: (z) => z.object({ except: z.array(containerName(z)).default([]).describe('Containers that may be stopped or removed.') }).strict(),
    test: (w, p, start) => {
      if (!start) return true;
      return start.containers
        .filter((c) => c.state === 'running' && !p.except.includes(c.name))
        .every((c) => w.containers.some((x) => x.id === c.id && x.state === 'running'));
    },
  }),

  /** No container named `name` is running: it was stopped, it exited, or it was removed. */
  'container-stopped': defineGoal({
    params: (z) => z.object({ name: containerName(z) }).strict(),
    test: (w, p) => byName(w, p.name)?.state !== 'running',
  }),

  /**
   * Container `name` is running and its main process listens on TCP `port` (with `minPort`,
   * on some port at least that high; with neither, on any port); with `uid`, that process
   * runs as this UID.
   */
  'container-listens': defineGoal({
    params: (z) =>
      z
        .object({
          name: containerName(z),
          port: port(z).optional().describe('The TCP port the main process must listen on (default: any).'),
          minPort: port(z).optional().describe('…or the lowest port it may listen on.'),
          uid: z.number().int().min(0).optional().describe('The UID the main process must run as.'),
        })
        .strict()
        .refine((p) => p.port === undefined || p.minPort === undefined, 'give port or minPort, not both'),
    test: (w, p) => {
      const c = byName(w, p.name);
      if (c?.state !== 'running') return false;
      const main = w.processes.find((x) => x.pid === c.pid);
      if (!main || (p.uid !== undefined && main.uid !== p.uid)) return false;
      const ports = main.listens ?? [];
      return p.port !== undefined ? ports.includes(p.port) : ports.some((x) => x >= (p.minPort ?? 1));
    },
  }),

  /** Named volume `volume` holds `file` with content `content` (a trailing newline is ignored). */
  'volume-file': defineGoal({
    params: (z) =>
      z
        .object({
          volume: z.string().min(1).describe('The named volume.'),
          file: z.string().min(1).describe('Path of the file inside the volume.'),
          content: z.string().describe('Its content (a trailing newline is ignored).'),
        })
        .strict(),
    test: (w, p) => {
      const v = w.volumes.find((x) => x.name === p.volume && !x.anonymous);
      const content = v?.files[p.file];
      return content !== undefined && content.replace(/\n$/, '') === p.content;
    },
  }),

  /** The host (the initial UTS namespace) is still called `name`. */
  'host-hostname': defineGoal({
    params: (z) => z.object({ name: z.string().min(1).describe("The host's hostname.") }).strict(),
    test: (w, p) => w.hostname === p.name,
  }),

  /**
   * Some live process sits in namespaces of its own: when `hostname` is given, a UTS
   * namespace other than the host's with that hostname; when `interfaces` is given, a
   * network namespace other than the host's that holds exactly those interfaces.
   */
  'process-namespaces': defineGoal({
    params: (z) =>
      z
        .object({
          hostname: z.string().optional().describe("A UTS namespace other than the host's, with this hostname."),
          interfaces: z.array(z.string().min(1)).optional().describe("A network namespace other than the host's, with exactly these interfaces."),
        })
        .strict(),
    test: (w, p) => {
      const host = w.processes.find((x) => x.pid === 1);
      if (!host) return false;
      const ns = (inode: number) => w.namespaces.find((n) => n.inode === inode);
      const wanted = p.interfaces ? [...p.interfaces].sort() : null;
      return w.processes.some((x) => {
        if (x.state === 'Z') return false;
        if (p.hostname !== undefined && (x.ns.uts === host.ns.uts || ns(x.ns.uts)?.hostname !== p.hostname)) return false;
        if (!wanted) return true;
        const ifaces = [...(ns(x.ns.net)?.interfaces ?? [])].sort();
        return x.ns.net !== host.ns.net && ifaces.length === wanted.length && ifaces.every((i, k) => i === wanted[k]);
      });
    },
  }),

  /**
   * Container `name` is running, has been up at least `minUptimeMs`, and holds at most
   * `max` processes in state `state` (default: no zombies).
   */
  'container-processes': defineGoal({
    params: (z) =>
      z
        .object({
          name: name(z),
          minUptimeMs: z.number().int().nonnegative().optional().describe('The container must have been up at least this long (simulated milliseconds).'),
          state: z.enum(['R', 'S', 'Z', 'T']).default('Z').describe('The process state counted (ps STAT letter).'),
          max: z.number().int().nonnegative().default(0).describe("At most this many of the container's processes may be in that state."),
        })
        .strict(),
    test: (w, p) => {
      const c = byName(w, p.name);
      if (c?.state !== 'running') return false;
      const started = Date.parse(asText((c.inspect.State as { StartedAt?: unknown } | undefined)?.StartedAt ?? ''));
      if (p.minUptimeMs !== undefined && !(w.nowMs - started >= p.minUptimeMs)) return false;
      return w.processes.filter((x) => x.containerId === c.id && x.state === p.state).length <= p.max;
    },
  }),

  /** No container named `name` exists any more. */
  'container-removed': defineGoal({
    params: (z) => z.object({ name: name(z) }).strict(),
    test: (w, p) => !byName(w, p.name),
  }),

  /**
   * Registry repository `repo` (host/repo, e.g. localhost:5000/demo) has every tag in `tags`;
   * with `sameDigest`, they all point to one manifest digest; with `fresh`, that digest is
   * none the repository held at the start; every tag in `unchanged` still points to the
   * digest it had at the start.
   */
  'registry-tags': defineGoal({
    params: (z) =>
      z
        .object({
          repo: z.string().min(1).describe('host/repository, e.g. localhost:5000/demo.'),
          tags: z.array(z.string().min(1)).default([]).describe('Tags the repository must have.'),
          sameDigest: z.boolean().default(false).describe('Those tags all point to one manifest digest.'),
          fresh: z.boolean().default(false).describe('That digest is none the repository held at the start.'),
          unchanged: z.array(z.string().min(1)).default([]).describe('Tags that must still point to the digest they had at the start.'),
        })
        .strict(),
    test: (w, p, start) => {
      const repo = w.registry[p.repo] ?? {};
      const before = start?.registry[p.repo] ?? {};
      const digests = p.tags.map((t) => repo[t]);
      if (digests.some((d) => d === undefined)) return false;
      if (p.sameDigest && new Set(digests).size > 1) return false;
      if (p.fresh && digests.some((d) => Object.values(before).includes(d as string))) return false;
      return p.unchanged.every((t) => before[t] !== undefined && repo[t] === before[t]);
    },
  }),
};
