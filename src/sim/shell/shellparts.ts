/**
 * What a root's shell is made of that depends only on the commands its image has (one list per image: the image store's
 * array, or node1's): the just-bash commands it registers, the names of just-bash's own it keeps, and the names listed
 * under /bin. Worked out once per image, not for every container of it (issue #10: `docker run --rm`'s shell).
 */
import type * as JB from 'just-bash';
import type { Daemon } from '../docker/daemon.ts';
import type { Host } from '../host.ts';
import type { CommandRow } from './commands/registry.ts';
import { statusCommand } from './line.ts';
import { HOST_ABSENT, rootCommands } from './rootfs.ts';
import { adaptedCommand, shellCommand, tickedCommand, wrappedCommand } from './shared.ts';
import { TICKED, WRAPPED } from './wrapped.ts';

/** A shell's commands for one image. */
export interface ShellParts {
  /** The commands the image has (undefined on node1: all but HOST_ABSENT). */
  avail: Set<string> | undefined;
  /** The commands listed under /bin: the runtime's own and the wrapped ones (one array per runtime). */
  binNames: string[];
  cmds: JB.Command[];
  builtinNames: string[];
  /**
   * The command table a container's shell of this image starts with (just-bash's `Bash.commands`: its own commands
   * named in `builtinNames`, then `cmds` and `__cc_status`), made once by a throwaway shell and copied into each: a
   * shell registering its ~180 commands one by one was a tenth of `docker run --rm`'s line (issue #10's p99).
   */
  table?: Map<string, unknown>;
}

/**
 * The parts made so far, shared by every world of the process: they depend only on the command list (an image's, by its
 * text: the same image in another world has the same list) and on the registry and just-bash they were made from. At most
 * SHARED_MAX lists are kept (the oldest made goes first): a learner's builds add theirs.
 */
const SHARED_MAX = 64;
let shared: { jb: typeof JB; commands: readonly CommandRow[]; binNames: string[]; byList: Map<string, ShellParts> } | undefined;

export class ShellPartsCache {
  /** This world's lists (an image's array, the same object for each of its containers) and node1's. */
  private readonly byImage = new Map<readonly string[] | 'host', ShellParts>();

  constructor(
    private readonly jb: typeof JB,
    private readonly host: Host,
    private readonly daemon: Daemon,
    private readonly commands: readonly CommandRow[],
  ) {}

  of(root: string): ShellParts {
    const list = root === 'host' ? 'host' : (this.daemon.containers.get(root)?.image.commands ?? this.host.runc.roots.get(root)?.commands);
    let parts = list && this.byImage.get(list);
    if (parts) return parts;
    if (shared?.jb !== this.jb || shared.commands !== this.commands)
      shared = { jb: this.jb, commands: this.commands, binNames: [...this.commands.map((x) => x.name), ...WRAPPED], byList: new Map() };
    const text = list === 'host' ? 'host' : list?.join('\n');
    parts = text === undefined ? undefined : shared.byList.get(text);
    if (!parts) {
      parts = this.make(root, shared.binNames);
      // A root with no image list (another engine's, without one) is not kept: its id is not reused.
      if (text !== undefined) {
        shared.byList.set(text, parts);
        if (shared.byList.size > SHARED_MAX) shared.byList.delete(shared.byList.keys().next().value as string);
      }
    }
    if (list) this.byImage.set(list, parts);
    return parts;
  }

  private make(root: string, binNames: string[]): ShellParts {
    const avail = rootCommands(this.host, this.daemon, root);
    const has = (n: string) => (avail ? avail.has(n) : !HOST_ABSENT.has(n)) || n.startsWith('__cc_');
    const own = new Set(this.commands.map((x) => x.name));
    const cmds: JB.Command[] = [];
    for (const row of this.commands) if (has(row.name)) cmds.push(adaptedCommand(row));
    for (const n of WRAPPED) if ((!avail || avail.has(n)) && !own.has(n)) cmds.push(wrappedCommand(n));
    for (const n of TICKED) if (!avail || avail.has(n) || n === 'test' || n === '[') cmds.push(tickedCommand(n));
    for (const n of ['sh', 'bash'] as const) if (!avail || avail.has(n)) cmds.push(shellCommand(n));
    const builtinNames = this.jb
      .getCommandNames()
      .filter((n) => (avail ? avail.has(n) || ['sh', 'bash', 'export', 'cd', 'test', '['].includes(n) : !HOST_ABSENT.has(n)));
    return { avail, binNames, cmds, builtinNames };
  }
}

/** A shell's commands without the file writes just-bash makes for each when its filesystem can take them (there are none to make). */
const NO_FS = {} as JB.IFileSystem;

/**
 * A container's shell's command table (just-bash's `Bash.commands`), from `parts`' image's (ShellParts.table: just-bash's
 * own commands named in `builtinNames`, the image's `cmds`, then `__cc_status`), then the root's `applet`. A copy: each
 * shell's `enable -n` and `registerCommand` change its own.
 */
export function startTable(jb: typeof JB, bash: JB.Bash, parts: ShellParts, applet: JB.Command): void {
  parts.table ??= (
    new jb.Bash({ fs: NO_FS, cwd: '/', commands: parts.builtinNames as JB.CommandName[], customCommands: [...parts.cmds, statusCommand()] }) as unknown as Table
  ).commands;
  (bash as unknown as Table).commands = new Map(parts.table);
  bash.registerCommand(applet);
}

/** just-bash's command table (private in its types: `Bash.commands`). */
interface Table {
  commands: Map<string, unknown>;
}
