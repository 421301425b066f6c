/**
 * What a shell line does to its commands' standard streams, for /proc/PID/fd (fs/procfd.ts): its pipelines and each
 * simple command's redirections, read from just-bash's parse of the line only when a table is read (one object per
 * line, nothing per command: issue #10). Redirections are bash's (bash-5.2:redir.c): a number before the operator
 * names the descriptor, else 0 for `<`-kinds and 1 for the others; a relative file is the line's directory's.
 */
import type * as JB from 'just-bash';
import type { LineStdio, StdioRedir } from '../kernel/types.ts';
import { parsedStatements } from './lineparse.ts';
import { type WordLike as Word, wordText } from './argvmatch.ts';
import { normPath } from '../image/tree.ts';

type Redir = { fd?: number | null; operator: string; target?: Word | { type: string } };
type Cmd = { type: string; name?: Word | null; args?: Word[]; redirections?: Redir[] };
type Stage = { argv: string[]; stderr: boolean };

/** `path` made absolute against the line's directory, `.` and `..` resolved. */
const absolute = (cwd: string, path: string) => normPath(path.startsWith('/') ? path : `${cwd}/${path}`);

let serials = 0;

/** The streams of one line's commands (LineStdio). */
export class LineFds implements LineStdio {
  readonly serial = ++serials;
  private parsed: { pipelines: Stage[][]; redirs: Map<string, StdioRedir[]> } | undefined;

  constructor(
    private readonly bash: JB.Bash,
    private readonly line: string,
    private readonly cwd: string,
    readonly tty: string,
  ) {}

  private parse(): { pipelines: Stage[][]; redirs: Map<string, StdioRedir[]> } {
    if (this.parsed) return this.parsed;
    const out = { pipelines: [] as Stage[][], redirs: new Map<string, StdioRedir[]>() };
    let statements: JB.ScriptNode['statements'] = [];
    try {
      statements = parsedStatements(this.bash, this.line);
    } catch {
      /* a line that does not parse ran no command */
    }
    for (const st of statements)
      for (const pl of st.pipelines) {
        const pipeStderr = (pl as { pipeStderr?: boolean[] }).pipeStderr ?? [];
        const stages = (pl.commands as unknown as Cmd[]).map((c, i) => {
          const argv = c.type === 'SimpleCommand' && c.name ? [wordText(c.name), ...(c.args ?? []).map(wordText)] : [];
          if (argv.length && c.redirections?.length)
            out.redirs.set(
              argv.join('\0'),
              c.redirections.map((r) => this.redir(r)),
            );
          return { argv, stderr: Boolean(pipeStderr[i]) };
        });
        if (stages.length > 1) out.pipelines.push(stages);
      }
    this.parsed = out;
    return out;
  }

  private redir(r: Redir): StdioRedir {
    const op = r.operator;
    const fd = r.fd ?? (op.startsWith('<') ? 0 : 1);
    const word = r.target && 'parts' in r.target ? wordText(r.target) : '';
    if (op === '>&' || op === '<&') {
      if (word === '-' || /^\d+$/.test(word)) return { fd, op, target: word };
      // `>&FILE` is `&>FILE` (bash-5.2:parse.y: r_err_and_out).
      return { fd, op: '&>', target: absolute(this.cwd, word) };
    }
    return { fd, op: op === '>|' ? '>' : op, target: op.startsWith('<<') ? '' : absolute(this.cwd, word) };
  }

  pipelines(): readonly (readonly Stage[])[] {
    return this.parse().pipelines;
  }

  redirections(argv: readonly string[]): readonly StdioRedir[] {
    return this.parse().redirs.get(argv.join('\0')) ?? [];
  }

  /** This line's streams for the command `argv` run as a process of another name (adapters.ts asChild). */
  as(argv: readonly string[]): LineStdio {
    return new LineCommand(this, argv);
  }
}

/** One command of a line run as a process whose argv is not its own (LineStdio.argv). */
class LineCommand implements LineStdio {
  readonly tty: string;
  readonly serial: number;
  constructor(
    private readonly line: LineFds,
    readonly argv: readonly string[],
  ) {
    this.tty = line.tty;
    this.serial = line.serial;
  }
  pipelines(): readonly (readonly Stage[])[] {
    return this.line.pipelines();
  }
  redirections(argv: readonly string[]): readonly StdioRedir[] {
    return this.line.redirections(argv);
  }
}
