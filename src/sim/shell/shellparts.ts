/**
 * What a root's shell is made of that depends only on the commands its image has (one list per image: the image store's
 * array, or node1's): the just-bash commands it registers, the names of just-bash's own it keeps, and the names listed
 * under /bin. Worked out once per image, not for every container of it (issue #10: `docker run --rm`'s shell).
 */
import type * as JB from 'just-bash';
import type { Daemon } from '../docker/daemon.ts';
import type { Host } from '../host.ts';
import type { CommandRow } from './commands/registry.ts';
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
}

export class ShellPartsCache {
  private readonly byImage = new Map<readonly string[] | 'host', ShellParts>();
  private readonly binNames: string[];

  constructor(
    private readonly jb: typeof JB,
    private readonly host: Host,
    private readonly daemon: Daemon,
    private readonly commands: readonly CommandRow[],
  ) {
    this.binNames = [...commands.map((x) => x.name), ...WRAPPED];
  }

  of(root: string): ShellParts {
    const list = root === 'host' ? 'host' : (this.daemon.containers.get(root)?.image.commands ?? this.host.runc.roots.get(root)?.commands);
    let parts = list && this.byImage.get(list);
    if (parts) return parts;
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
    parts = { avail, binNames: this.binNames, cmds, builtinNames };
    // A root with no image list (another engine's, without one) is not kept: its id is not reused.
    if (list) this.byImage.set(list, parts);
    return parts;
  }
}
