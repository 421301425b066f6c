/**
 * The host's bash forks for a subshell `( … )`, a command substitution `$( … )` and a process
 * substitution `<( … )`, so each takes a PID; `$BASHPID` is that PID inside it, and `$$` stays the
 * parent's. bash 5.2 then runs the body's last simple command in that same process (exec without a
 * second fork): bash@bash-5.2:execute_cmd.c execute_in_subshell ("This means things like
 * ( sleep 10 ) will only cause one fork") and optimize_subshell_command; for `$( … )` and `<( … )`,
 * subst.c command_substitute / process_substitute set `startup_state = 2` and
 * builtins/evalstring.c parse_and_execute marks the last command CMD_NO_FORK when
 * should_suppress_fork holds (a simple command, no redirections).
 *
 * just-bash runs these bodies in the same interpreter and counts its own virtual PIDs, which the
 * host never sees. A transform plugin puts `__cc_fork [-c] [NAME]` first in each body: it
 * takes the PID from the host's kernel as the process the subshell is, and sets `__CC_BASHPID`, which
 * `$BASHPID` reads; `__cc_forkend $?` ends it with the body's status. NAME is the body's last
 * simple command: `__cc_exec` just before it lets it run as the subshell's own process
 * (Forks.take). Neither may change what the body reads: a subshell starts with its parent's `$?` and `$_`
 * (bash@bash-5.2.21:execute_cmd.c execute_in_subshell and subst.c command_substitute run the body in a
 * forked copy of the shell, last_command_exit_value with it), so `false; (echo $?)` prints 1 and
 * `echo $( (exit 3); echo $?)` 3. In a body that reads them (`$?`, `$_`, a bare `exit` or `return`: KEEPS), each mark
 * ends with `% $? "$_"`: it returns that status and has `"$_"` as its last word, which a command leaves in `$_`;
 * and is followed by `&& __cc_status 0 "$_"`, so a failed status it hands on is a list's first command's, which
 * `set -e` does not act on (just-bash's executeStatement, as bash, exempts all but the list's last command). Other
 * bodies get the bare marks: each further command is a command context (a loop of `$( )` took 40 % more CPU). What is not modelled: inside the subshell, a command's parent is still the shell;
 * an `&&`/`||` list's last command forks again; `( … ) &` forks twice.
 */
import type * as JB from 'just-bash';
import type { Host } from '../host.ts';
import type { Proc } from '../kernel/types.ts';

/** The variable `$BASHPID` reads inside a subshell (environ.ts hides it from env). */
export const BASHPID_VAR = '__CC_BASHPID';

type Node = { type?: string; [k: string]: unknown };
type Part = Node & { parameter?: string; operation?: unknown };

/** One subshell being run: its process, and the last command that may run as it. */
interface Fork {
  proc: Proc;
  name: string | undefined;
  /** Set by `__cc_exec`, just before the body's last statement. */
  armed: boolean;
  /** Handed to that command (which ends it). */
  taken: boolean;
  /** The shell's umask as the subshell began: what the subshell sets (`( umask 077; … )`) ends with it. */
  umask: number | undefined;
  /** A command substitution's body writes into a pipe the shell reads: the line's terminal as it began (Forks.commands). */
  tty?: boolean;
}

/** The subshells being run, innermost last. */
export class Forks {
  private stack: Fork[] = [];

  constructor(
    private readonly host: Host,
    private readonly spawned: () => void,
    /** The runtime's flag of a line whose commands write to the terminal (runtime.ts lineIsTty). */
    private readonly line: { lineIsTty: boolean },
  ) {}

  /** `__cc_fork [NAME]`, `__cc_exec` and `__cc_forkend STATUS` (see the file's comment). */
  commands(): JB.Command[] {
    const done = { stdout: '', stderr: '', exitCode: 0 };
    /** The status a mark hands on: its `$?` word after `%`, before `"$_"` (see the file's comment), else 0. */
    const status = (argv: string[]) => ({ ...done, exitCode: argv.at(-3) === '%' ? Number(argv.at(-2)) || 0 : 0 });
    return [
      {
        name: '__cc_fork',
        execute: async (argv, ctx) => {
          // `-c`: a command substitution, whose commands' stdout is the pipe bash reads (subst.c command_substitute):
          // none of them writes to the terminal or lays its output out for one (ls's columns) while it runs.
          const capture = argv[0] === '-c';
          const args = argv.slice(capture ? 1 : 0, argv.at(-3) === '%' ? -3 : undefined);
          const parent = this.host.current;
          this.spawned();
          const proc = this.host.kernel.spawn({
            parent,
            argv: [...parent.argv],
            comm: parent.comm,
            transient: true,
            patch: { state: 'S', handlers: new Set(), program: { kind: 'idle' }, rssBytes: parent.rssBytes, vszKb: parent.vszKb },
          });
          ctx.env.set(BASHPID_VAR, String(this.host.kernel.pidIn(proc, parent.ns.pid) ?? proc.pid));
          this.stack.push({ proc, name: args[0], armed: false, taken: false, umask: parent.umask, ...(capture && { tty: this.line.lineIsTty }) });
          if (capture) this.line.lineIsTty = false;
          return status(argv);
        },
      },
      {
        name: '__cc_exec',
        execute: async (argv) => {
          const top = this.stack[this.stack.length - 1];
          if (top) top.armed = true;
          return status(argv);
        },
      },
      {
        name: '__cc_forkend',
        execute: async (args) => {
          this.end();
          return { ...done, exitCode: Number(args[0] ?? 0) };
        },
      },
    ];
  }

  /**
   * How many command substitutions are being run, one inside another: xtrace.ts counts a level for each; runtime.ts
   * inOrder leaves their commands' stdout out of the line's trace (it is the pipe the shell reads, never the terminal).
   */
  get substitutions(): number {
    return this.stack.filter((f) => f.tty !== undefined).length;
  }

  /** Inside a command substitution of a line at the terminal: its commands' stderr is still the terminal's. */
  get capturedAtTty(): boolean {
    return this.stack.find((f) => f.tty !== undefined)?.tty === true;
  }

  /** The subshell process the command `argv0` runs as, when it is the body's last command (bash's exec without a fork). */
  take(argv0: string | undefined): Proc | undefined {
    const top = this.stack[this.stack.length - 1];
    if (!top?.armed || top.taken || top.name !== argv0) return undefined;
    top.taken = true;
    // What the subshell set before it (`( umask 0; touch f )`): the shell's mask while the body ran.
    top.proc.umask = this.host.current.umask;
    return top.proc;
  }

  /** The innermost subshell ends (`__cc_forkend`, or an `exit` in it that skips that: xtrace-marks.ts). */
  end(): void {
    const top = this.stack.pop();
    if (top && !top.taken) this.host.kernel.release(top.proc);
    if (top) this.host.current.umask = top.umask;
    if (top?.tty !== undefined) this.line.lineIsTty = top.tty;
  }

  /** At the end of a line: subshells left by `exit` end too. */
  releaseAll(): void {
    for (const f of this.stack) if (!f.taken) this.host.kernel.release(f.proc);
    const outer = this.stack.find((f) => f.tty !== undefined);
    if (outer?.tty !== undefined) this.line.lineIsTty = outer.tty;
    this.stack = [];
  }
}

/**
 * Whether the commands of a line write to the terminal (runtime.ts lineIsTty): not when it pipes, redirects or
 * substitutes a process. A command substitution alone leaves the others at the terminal on the host, whose bash
 * tracks the substitution's commands (`__cc_fork -c`), though not one inside `$(( ))` (just-bash parses that text as
 * it runs); a container's shell has no such tracking and the whole line then writes as to a pipe.
 */
export function lineAtTerminal(root: string, line: string): boolean {
  const substituted = root !== 'host' || line.includes('$((');
  return !(substituted ? /(^|[^|])\|(?!\|)|>|<\(|\$\((?!\()|`/ : /(^|[^|])\|(?!\|)|>|<\(|`/).test(line);
}

const literalName = (c: Node): string | undefined => {
  const parts = (c.name as { parts?: Node[] } | null)?.parts;
  return parts?.length === 1 && parts[0]?.type === 'Literal' ? String(parts[0].value) : undefined;
};

/** The name of a body's last simple command when bash runs it without a fork of its own. */
function execName(statements: Node[], redirectsOk: boolean): string | undefined {
  const last = statements[statements.length - 1];
  const pipelines = last?.pipelines as Node[] | undefined;
  if (!last || last.background || pipelines?.length !== 1) return undefined;
  const pl = pipelines[0] as Node;
  const cmds = pl.commands as Node[];
  if (pl.negated || pl.timed || cmds.length !== 1) return undefined;
  const c = cmds[0] as Node;
  if (c.type !== 'SimpleCommand' || (!redirectsOk && (c.redirections as unknown[]).length)) return undefined;
  const name = literalName(c);
  return name && /^[\w./-]+$/.test(name) ? name : undefined;
}

/** `$(<file)`: bash reads the file in the forked child itself; just-bash reads it without running the body. */
function isCatFile(statements: Node[]): boolean {
  const c = ((statements[0]?.pipelines as Node[] | undefined)?.[0]?.commands as Node[] | undefined)?.[0];
  return statements.length === 1 && c?.type === 'SimpleCommand' && !c.name && !(c.args as unknown[]).length && (c.redirections as unknown[]).length === 1;
}

/** Whether a body already starts with the fork (a line parsed again, as background.ts prints and runs its statements). */
function forked(statements: Node[]): boolean {
  const c = ((statements[0]?.pipelines as Node[] | undefined)?.[0]?.commands as Node[] | undefined)?.[0];
  return c?.type === 'SimpleCommand' && literalName(c) === '__cc_fork';
}

/** Whether a body reads the status or last argument it starts with: `$?`, `$_` (in `$(( ))` too), a bare `exit` or `return`. */
function reads(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(reads);
  if (!node || typeof node !== 'object') return false;
  const n = node as Node;
  if (n.type === 'ParameterExpansion' && (n.parameter === '?' || n.parameter === '_')) return true;
  if ((n.type === 'ArithSpecialVar' || n.type === 'ArithVariable') && (n.name === '?' || n.name === '_')) return true;
  // The marks of a subshell inside, already there (their `$?` is theirs), but not the body they mark.
  if (n.type === 'SimpleCommand' && literalName(n)?.startsWith('__cc_')) return false;
  if (n.type === 'SimpleCommand' && !(n.args as unknown[]).length && /^(?:exit|return)$/.test(literalName(n) ?? '')) return true;
  return Object.values(n).some((v) => v && typeof v === 'object' && reads(v));
}

/** Registers the plugin on the host's Bash (see the file's comment). */
export function forkPlugin(bash: JB.Bash): void {
  type Ast = { statements: { pipelines: { commands: { args: { parts: Node[] }[] }[] }[] }[] };
  const parse = (s: string) => bash.transform(s).ast as unknown as Ast;
  const statement = (text: string) => parse(text).statements[0] as unknown as Node;
  // The body with the fork first, `__cc_exec` before its last statement when that one may exec, the end last; the
  // marks keep `$?` and `$_` as they were where the body reads them (see the file's comment).
  const wrap = (body: Node[], name: string | undefined, capture = false): Node[] => {
    const keep = reads(body) ? ' % $? "$_" && __cc_status 0 "$_"' : '';
    return [
      statement(`__cc_fork${capture ? ' -c' : ''}${name ? ` ${name}` : ''}${keep}`),
      ...body.slice(0, -1),
      ...(name ? [statement(`__cc_exec${keep}`)] : []),
      ...body.slice(-1),
      statement('__cc_forkend $?'),
    ];
  };
  // ${__CC_BASHPID:-$BASHPID}: outside any subshell, just-bash's own $BASHPID (the shell's PID).
  const [expansion] = parse(`: \${${BASHPID_VAR}:-$BASHPID}`).statements;
  const bashpid = expansion ? expansion.pipelines[0]?.commands[0]?.args[0]?.parts[0] : undefined;
  if (!bashpid) return;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => {
        const p = x as Part;
        if (p?.type === 'ParameterExpansion' && p.parameter === 'BASHPID' && !p.operation) node[i] = structuredClone(bashpid);
        else walk(x);
      });
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    for (const v of Object.values(n)) if (v && typeof v === 'object') walk(v);
    if (n.type === 'Subshell') {
      const body = n.body as Node[];
      if (forked(body)) return;
      // ( cmd ): the one command execs even with redirections; a list's last one only without.
      n.body = wrap(body, execName(body, body.length === 1));
    } else if (n.type === 'CommandSubstitution' || n.type === 'ProcessSubstitution') {
      const body = n.body as { statements: Node[] };
      // `$()` with no command: bash forks no process (bash@bash-5.2.21:subst.c command_substitute).
      if (!body?.statements || (n.type === 'CommandSubstitution' && !body.statements.length) || isCatFile(body.statements) || forked(body.statements)) return;
      body.statements = wrap(body.statements, execName(body.statements, false), n.type === 'CommandSubstitution');
    }
  };
  bash.registerTransformPlugin({
    name: 'bash-forks',
    transform: ({ ast }) => {
      walk(ast);
      return { ast };
    },
  });
}
