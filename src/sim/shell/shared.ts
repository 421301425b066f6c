/**
 * The runtime's commands as just-bash commands (`Command { name, execute(args, ctx) }`), made once per process and
 * shared by every root's shell of every world: each finds the runtime and the root it runs in by asking its context's
 * coverage hook, its shell's own (`ownerHook`; runtime.ts bashFor gives each shell one). A shell used to make its ~300
 * commands for itself, wrappers closing over its runtime and root (~120 KB a world, live as long as the world, so
 * copied by every scavenge that met it: issue #10, the bench's p99).
 *
 * Each runs as a foreground job (sigint.ts): a Ctrl-C while it runs is its SIGINT.
 */
import type * as JB from 'just-bash';
import type { CommandRow } from './commands/registry.ts';
import { type AdapterRuntime, type Ctx, runAdapted, runOrdered, runWrapped } from './adapters.ts';
import { mergedHere, mergeOrdered } from './stderr-merge.ts';
import { childShell } from './childshell.ts';
import { rootFlavor } from './rootfs.ts';
import { tickedRun } from './wrapped.ts';

/** The runtime and root whose shell owns a filesystem. */
interface Owner {
  readonly rt: AdapterRuntime;
  readonly root: string;
}

/** What a shell's coverage hook is asked to name its owner with (runtime.ts bashFor; never an interpreter label). */
const OWNER_PROBE = '\0container-course:owner';
/**
 * The mark on every shell's coverage hook that its commands get their context itself, not through just-bash's
 * revocable membrane (scripts/patch-just-bash.mjs, npm install's prepare: the membrane was 10-25 % of a line, and
 * every command here is the project's or just-bash's own; issue #10). The patch reads it by this registered name.
 */
export const OWN_COMMANDS: unique symbol = Symbol.for('container-course:own-commands');
/** The owner a probe just named: set and read within one synchronous call, so it holds nothing between commands. */
let probed: Owner | undefined;

/**
 * The coverage hook of `root`'s shell in `rt`: it answers the owner probe (the shared commands run there then see that
 * runtime and root) and hands any other label to `hit`. just-bash gives each command a guarded copy of its shell's
 * coverage hook, which still calls this one. Not a module-level WeakMap from the shell's filesystem identity (frozen,
 * so attached.ts cannot hold it): V8's scavenges kept that map's values, and with them every world made since the
 * last full collection (attached.ts; issue #10).
 */
export function ownerHook(rt: AdapterRuntime, root: string, hit: (label: string) => void): { hit(label: string): void; [OWN_COMMANDS]: true } {
  const owner: Owner = { rt, root };
  return {
    [OWN_COMMANDS]: true,
    hit: (label) => {
      if (label === OWNER_PROBE) probed = owner;
      else hit(label);
    },
  };
}

function ownerOf(ctx: Ctx): Owner {
  probed = undefined;
  (ctx as { coverage?: { hit(label: string): void } }).coverage?.hit(OWNER_PROBE);
  const o = probed;
  probed = undefined;
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
        (r) => o.rt.inOrder(mergeOrdered(r, mergedHere(o.rt, name, args))),
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
