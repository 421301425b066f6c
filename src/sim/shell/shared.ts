/**
 * The runtime's commands as just-bash commands (`Command { name, execute(args, ctx) }`), made once per process and
 * shared by every root's shell of every world: each finds the runtime and the root it runs in from its context's
 * `fsIdentity`, its shell's filesystem's (just-bash hands a command a guarded view of the filesystem, and this stable
 * identity of the one beneath: types.ts RuntimeCommandContext; runtime.ts bashFor registers it with `ownRoot`). A shell used to make its ~300
 * commands for itself, wrappers closing over its runtime and root (~120 KB a world, live as long as the world, so
 * copied by every scavenge that met it: issue #10, the bench's p99).
 *
 * Each runs as a foreground job (sigint.ts): a Ctrl-C while it runs is its SIGINT.
 */
import type * as JB from 'just-bash';
import type { CommandRow } from './commands/registry.ts';
import { type AdapterRuntime, type Ctx, runAdapted, runOrdered, runWrapped } from './adapters.ts';
import { childShell } from './childshell.ts';
import { rootFlavor } from './rootfs.ts';
import { tickedRun } from './wrapped.ts';

/** The runtime and root whose shell owns a filesystem. */
interface Owner {
  readonly rt: AdapterRuntime;
  readonly root: string;
}

const owners = new WeakMap<object, Owner>();

/**
 * Marks `fs` as the filesystem of `root`'s shell in `rt`: the shared commands run there see that runtime and root.
 * `identity` is just-bash's identity of a filesystem, the one its commands' contexts carry (createCommandContext).
 */
export function ownRoot(identity: object, rt: AdapterRuntime, root: string): void {
  owners.set(identity, { rt, root });
}

function ownerOf(ctx: Ctx): Owner {
  const o = owners.get((ctx as { fsIdentity?: object }).fsIdentity ?? ctx.fs);
  if (!o) throw new Error('shell: a command ran in a filesystem no root owns');
  return o;
}

/** A shared command: `run` with its runtime and root, as the foreground job of the runtime's line if one runs. */
function shared(name: string, run: (o: Owner, args: string[], ctx: Ctx) => Promise<JB.ExecResult>): JB.Command {
  return {
    name,
    execute: (args, ctx) => {
      const o = ownerOf(ctx);
      const f = o.rt.fg;
      return f ? f.run(() => run(o, args, ctx)) : run(o, args, ctx);
    },
  };
}

const adapted = new WeakMap<CommandRow, JB.Command>();
const byName = new Map<string, JB.Command>();

/** One of the simulator's commands (adapters.ts runAdapted). */
export function adaptedCommand(row: CommandRow): JB.Command {
  let c = adapted.get(row);
  if (!c) adapted.set(row, (c = shared(row.name, (o, args, ctx) => runAdapted(o.rt, row, o.root, args, ctx))));
  return c;
}

function named(key: string, make: () => JB.Command): JB.Command {
  let c = byName.get(key);
  if (!c) byName.set(key, (c = make()));
  return c;
}

/** One of just-bash's own commands run as its own process (adapters.ts runWrapped). */
export function wrappedCommand(name: string): JB.Command {
  return named(`wrapped:${name}`, () => shared(name, (o, args, ctx) => runWrapped(o.rt, name, o.root, args, ctx)));
}

/** One of the commands that only tick the line's budget and write in order (wrapped.ts TICKED). */
export function tickedCommand(name: string): JB.Command {
  return named(`ticked:${name}`, () =>
    shared(name, (o, args, ctx) =>
      tickedRun(
        name,
        args,
        ctx,
        (c) => o.rt.tick(c),
        (r) => o.rt.inOrder(r),
      ),
    ),
  );
}

/** `sh` or `bash` started from a shell (childshell.ts), its output ordered (adapters.ts runOrdered). */
export function shellCommand(name: 'sh' | 'bash'): JB.Command {
  return named(`shell:${name}`, () =>
    shared(name, (o, args, ctx) => {
      const busybox = rootFlavor(o.rt.host, o.rt.daemon, o.root) === 'busybox';
      return runOrdered(
        o.rt,
        childShell(name, () => o.rt.bashFor(o.root), busybox, o.rt.host),
        args,
        ctx,
      );
    }),
  );
}
