/**
 * The executor's error texts (go1.22 src/text/template/exec.go errorf, parse.Tree.ErrorContext)
 * and its argument type checks (validateType), apart from the walk itself.
 */
import { goQuote } from './quote.ts';
import { nodeString, type Arg, type CommandNode, type Node, type PipeNode, type Tree } from './node.ts';
import { GoFloat, GoNil, isInt, typeName, type ParamType } from './value.ts';

function isArg(n: { type: string }): boolean {
  return ['field', 'variable', 'chain', 'identifier', 'dot', 'nil', 'bool', 'number', 'string'].includes(n.type);
}

/**
 * `template: NAME:LINE:COL: executing "RUNNING" at <CONTEXT>: MSG`. The location names the parse
 * (tree.name: docker's templates are all named ""); `executing` names the template running, a
 * {{define}}d one inside {{template}}.
 */
export function errorText(tree: Tree, running: string, current: Arg | CommandNode | PipeNode | Node | null, msg: string): string {
  if (!current) return `template: ${tree.name}: ${msg}`;
  const pos = current.pos;
  const text = tree.text.slice(0, pos);
  const nl = text.lastIndexOf('\n');
  const byteNum = nl === -1 ? pos : pos - (nl + 1);
  const lineNum = 1 + (text.split('\n').length - 1);
  let context =
    current.type === 'pipe' || current.type === 'command' || isArg(current)
      ? nodeString(current as Arg)
      : current.type === 'action'
        ? `{{${nodeString(current.pipe)}}}`
        : current.type === 'template'
          ? `{{template ${goQuote(current.name)}${current.pipe ? ` ${nodeString(current.pipe)}` : ''}}}`
          : '';
  if ([...context].length > 20) context = `${[...context].slice(0, 20).join('')}...`;
  return `template: ${tree.name}:${lineNum}:${byteNum}: executing ${goQuote(running)} at <${context}>: ${msg}`;
}

/** validateType: a value as a function's parameter of type `t` takes it, or Go's error through `errorf`. */
export function checkType(value: unknown, t: ParamType, errorf: (msg: string) => never): unknown {
  if (value instanceof GoNil) {
    if (t === 'any') return value;
    if (t === '[]string' && value.kind === 'slice') return null;
    return errorf(`wrong type for value; expected ${t}; got ${value.goType}`);
  }
  if (value === undefined) {
    if (t === 'any' || t === '[]string') return t === 'any' ? undefined : null;
    return errorf(`invalid value; expected ${t}`);
  }
  switch (t) {
    case 'any':
      return value;
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'bool':
      if (typeof value === 'boolean') return value;
      break;
    case 'int':
      if (isInt(value)) return value;
      break;
    case 'float64':
      if (typeof value === 'number') return value;
      if (value instanceof GoFloat) return value.value;
      break;
    case '[]string':
      if (value === null) return null;
      if (Array.isArray(value) && value.every((x) => typeof x === 'string')) return value;
      break;
  }
  return errorf(`wrong type for value; expected ${t}; got ${typeName(value)}`);
}
