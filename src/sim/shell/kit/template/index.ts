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

/**
 * Trees parsed before, by function table, name and text: a learner repeats a `--format` (and the lesson tests run one
 * many times), and execute never changes a tree. Bounded, oldest out first.
 */
const parsedTrees = new Map<Record<string, FuncDef>, Map<string, Tree>>();
const MAX_TREES = 64;

export function parseTemplate(text: string, funcs: Record<string, FuncDef> = DOCKER_FUNCS, name = ''): Template {
  let byText = parsedTrees.get(funcs);
  if (!byText) {
    // The tables are module constants (DOCKER_FUNCS, VERSION_FUNCS, kubectl's BUILTINS); a caller's own would not pile up.
    if (parsedTrees.size >= 8) parsedTrees.clear();
    parsedTrees.set(funcs, (byText = new Map()));
  }
  const key = `${name}\0${text}`;
  let tree = byText.get(key);
  if (!tree) {
    try {
      tree = parse(text, (f) => Object.hasOwn(funcs, f), name);
    } catch (e) {
      if (e instanceof ParseError) throw new TemplateError(e.message, 'parse');
      throw e;
    }
    if (byText.size >= MAX_TREES) byText.delete(byText.keys().next().value as string);
    byText.set(key, tree);
  }
  const parsed = tree;
  return {
    tree: parsed,
    run(data, opts = {}) {
      try {
        return execute(parsed, data, opts.funcs ?? funcs, opts);
      } catch (e) {
        if (e instanceof ExecError) throw new TemplateError(e.message, 'exec', e.partial);
        throw e;
      }
    },
  };
}
