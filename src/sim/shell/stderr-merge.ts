/**
 * A command's stderr joined into its stdout where the line sends its fd 2 to its fd 1 (`2>&1`, `&>`, `|&`, on it or on
 * a compound command around it), in the order it wrote them.
 */
import { argvMatches } from './argvmatch.ts';
import type { Chunk } from './ordered.ts';
import type { Session } from './types.ts';
import { loginWording } from './wording.ts';

type Result = { stdout: string; stderr: string; exitCode: number; output?: Chunk[] };

/**
 * `cmd 2>&1`: the descriptor has the two streams in the order written, where just-bash joins the two strings stdout
 * first when it applies the redirection; and a compound command's `2>&1` (`{ ls nope; echo $?; } 2>&1`, `for …; done
 * 2>&1`) it applies to the body's collected output, every stdout before every stderr. bash dup2s fd 2 onto fd 1 before
 * the command, or the compound's body, runs (bash@bash-5.2.21:execute_cmd.c execute_command_internal →
 * do_redirections; redir.c do_redirection_internal, r_duplicating_output), so each command of the body writes its
 * errors into stdout as it runs. So each command the line merges (`merged`: argvmatch.ts mergedIn, which looks into
 * compound bodies) hands over one stream: ordered when its output is (ordered.ts), else its stdout then its stderr.
 */
export function mergeOrdered<T extends Result>(r: T, merged: boolean): T {
  if (!merged || !r.stderr) return r;
  // just-bash's byte accounting of a result it made moves with the bytes (its redirection checks the two agree).
  const acc = (r as { internalOutputAccounting?: { stdout: number; stderr: number } }).internalOutputAccounting;
  const moved = acc ? { internalOutputAccounting: { stdout: acc.stdout + acc.stderr, stderr: 0 } } : {};
  // Bytes (a byte string, one char a byte) stay bytes: the error's text joins them as its UTF-8 bytes.
  const k = r as { stdoutKind?: string; stdoutEncoding?: string };
  const bytes = k.stdoutKind === 'bytes' || k.stdoutEncoding === 'binary';
  const err = bytes ? Array.from(new TextEncoder().encode(r.stderr), (b) => String.fromCharCode(b)).join('') : r.stderr;
  const stdout = r.output && !bytes ? r.output.map((c) => c.text).join('') : r.stdout + err;
  return { ...r, stdout, stderr: '', output: undefined, ...moved };
}

/** Whether the line merges `argv`'s stderr into its stdout (mergeOrdered). */
export function mergedHere(rt: { readonly merged: string[][] }, name: string, args: readonly string[]): boolean {
  if (!rt.merged.length) return false;
  const argv = [name, ...args];
  return rt.merged.some((m) => argvMatches(m, argv));
}

/**
 * A result of the shell's own commands (`__cc_notfound`, `__cc_cdfail`, `__cc_bi`, `__cc_path`) for `argv`, the command
 * as written, merged as the line has it; its words named as the session's shell names itself (wording.ts loginWording:
 * node1's `-bash: nope: command not found`), which the line's stderr gets at its end, and stdout would not.
 */
export function mergeFor<T extends Result>(rt: { readonly merged: string[][]; readonly currentSession?: Session }, r: T, argv: string[] | undefined): T {
  if (!argv || !r.stderr || !mergedHere(rt, argv[0] ?? '', argv.slice(1))) return r;
  return mergeOrdered(rt.currentSession ? { ...r, stderr: loginWording(r.stderr, rt.currentSession) } : r, true);
}
