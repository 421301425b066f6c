/**
 * The template executor's contract (go1.22 src/text/template/exec.go): the error it raises, the shape of a
 * function in its function map (funcs.go), its options, and the course's own bounds on a run.
 */
import type { GoCallError, ParamType } from './value.ts';

export class ExecError extends Error {
  /** What the template wrote before it failed (Go's Execute streams to its writer). */
  partial = '';
  /** The error a function returned, which Go wraps with %w (go1.22 exec.go evalCall): errors.As finds it. */
  wrapped?: GoCallError;
}

export interface FuncDef {
  params: ParamType[];
  variadic?: ParamType;
  fn: (...args: unknown[]) => unknown;
  /** and/or: arguments evaluated lazily, the value itself returned. */
  lazy?: 'and' | 'or';
  /** call/index/…: raw values, no conversion. */
  raw?: boolean;
}

export interface ExecOptions {
  /** missingkey=error (docker inspect's raw fallback) instead of the default <no value>. */
  missingKeyError?: boolean;
}

/**
 * The executor's own bounds. Go's would run `{{range 1000000000}}{{end}}` for a minute and write
 * what `{{range 1000000000}}x{{end}}` asks for; here a template runs synchronously inside one
 * shell line, so past these it stops the line (LineLimitError: the `work` or `output` note),
 * keeping what it wrote. A string of STRING_BYTES is the shell's own bound (LIMITS.stringBytes).
 */
export const MAX_STEPS = 1_000_000;
export const MAX_OUTPUT = 4 << 20;
