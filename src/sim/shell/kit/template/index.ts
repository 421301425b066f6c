/**
 * Go's text/template (go1.22, as docker 27.3.1 is built) with Docker's function map.
 * `parseTemplate` throws a TemplateError with Go's parse message ("template: :1: …");
 * `run` throws one with Go's execution message ("template: :1:2: executing \"\" at <…>: …").
 */
import { execute } from './exec.ts';
import { ExecError, type ExecOptions, type FuncDef } from './exec-types.ts';
import { DOCKER_FUNCS } from './funcs.ts';
import type { Tree } from './node.ts';
import { parse, ParseError } from './parse.ts';

export { DOCKER_FUNCS, HEADER_FUNCS, BUILTINS } from './funcs.ts';
export { GoStruct, GoFunc, GoNil, GoCallError } from './value.ts';
export { sprintf, sprintValue } from './fmt.ts';
export type { FuncDef } from './exec-types.ts';

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly phase: 'parse' | 'exec',
    readonly partial = '',
  ) {
    super(message);
  }
}

export interface Template {
  tree: Tree;
  run(data: unknown, opts?: ExecOptions & { funcs?: Record<string, FuncDef> }): string;
}

export function parseTemplate(text: string, funcs: Record<string, FuncDef> = DOCKER_FUNCS, name = ''): Template {
  let tree: Tree;
  try {
    tree = parse(text, (f) => Object.hasOwn(funcs, f), name);
  } catch (e) {
    if (e instanceof ParseError) throw new TemplateError(e.message, 'parse');
    throw e;
  }
  return {
    tree,
    run(data, opts = {}) {
      try {
        return execute(tree, data, opts.funcs ?? funcs, opts);
      } catch (e) {
        if (e instanceof ExecError) throw new TemplateError(e.message, 'exec', e.partial);
        throw e;
      }
    },
  };
}
