/**
 * Go text/template's executor (go1.22 src/text/template/exec.go): fields, chains, variables,
 * pipelines, if/with/range (maps in sorted key order, integers, break/continue), template
 * calls, and Go's error texts: `template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`.
 */
import { LineLimitError } from '../../limits.ts';
import { goLess, sprintValue } from './fmt.ts';
import { constantArg, ideal } from './convert.ts';
import { checkType, errorText } from './errors.ts';
import { goQuote } from './quote.ts';
import { nodeString, type Arg, type CommandNode, type ListNode, type Node, type PipeNode, type Tree } from './node.ts';
import { ExecError, MAX_OUTPUT, MAX_STEPS, type ExecOptions, type FuncDef } from './exec-types.ts';
import { GoCallError, GoFloat, GoFunc, GoNil, GoStruct, isInt, isTrue, typeName, type ParamType } from './value.ts';

const MISSING = Symbol('missing');
class BreakSignal {}
class ContinueSignal {}

export function execute(tree: Tree, data: unknown, funcs: Record<string, FuncDef>, opts: ExecOptions = {}): string {
  let out = '';
  let vars: { name: string; value: unknown }[] = [{ name: '$', value: data }];
  let current: Arg | CommandNode | PipeNode | Node | null = null;
  let depth = 0;
  let running = tree.name;
  let steps = 0;
  const step = () => {
    if (++steps > MAX_STEPS) throw new LineLimitError('work', out);
  };
  const emit = (text: string) => {
    out += text;
    if (out.length > MAX_OUTPUT) throw new LineLimitError('output', out.slice(0, MAX_OUTPUT));
  };

  const errorf = (msg: string): never => {
    throw new ExecError(errorText(tree, running, current, msg));
  };
  const at = (n: typeof current) => {
    current = n;
  };

  const varValue = (name: string): unknown => {
    for (let k = vars.length - 1; k >= 0; k--) if ((vars[k] as { name: string }).name === name) return (vars[k] as { value: unknown }).value;
    return errorf(`undefined variable: ${name}`);
  };
  const setVar = (name: string, value: unknown) => {
    for (let k = vars.length - 1; k >= 0; k--) {
      const v = vars[k] as { name: string; value: unknown };
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    errorf(`undefined variable: ${name}`);
  };

  const walkList = (list: ListNode, dot: unknown) => {
    for (const n of list.nodes) walk(n, dot);
  };

  const walk = (n: Node, dot: unknown): void => {
    at(n);
    step();
    switch (n.type) {
      case 'text':
        emit(n.text);
        return;
      case 'action': {
        const v = evalPipeline(dot, n.pipe);
        if (n.pipe.decl.length === 0) emit(printValue(n, v));
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'if':
      case 'with': {
        const mark = vars.length;
        const v = evalPipeline(dot, n.pipe);
        if (isTrue(v)) walkList(n.list, n.type === 'with' ? v : dot);
        else if (n.elseList) walkList(n.elseList, dot);
        vars = vars.slice(0, mark);
        return;
      }
      case 'range':
        walkRange(n as RangeNode, dot);
        return;
      case 'template': {
        const t = tree.defines.get(n.name);
        if (!t) {
          errorf(`template ${goQuote(n.name)} not defined`);
          return;
        }
        if (++depth > 100000) errorf('exceeded maximum template depth (100000)');
        const newDot = n.pipe ? evalPipeline(dot, n.pipe) : undefined;
        const saved = vars;
        const caller = running;
        vars = [{ name: '$', value: newDot }];
        running = n.name;
        try {
          walkList(t, newDot);
        } catch (e) {
          // JavaScript's stack ends long before Go's 100,000 nested calls (go1.22 exec.go
          // walkTemplate's maxExecDepth), and only a template that calls itself without end gets
          // that deep: it is given Go's error for that, at this call.
          if (!(e instanceof RangeError)) throw e;
          running = caller;
          at(n);
          errorf('exceeded maximum template depth (100000)');
        }
        vars = saved;
        running = caller;
        depth--;
        return;
      }
    }
  };

  type RangeNode = { type: 'range'; pos: number; line: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null };
  const walkRange = (n: RangeNode, dot: unknown) => {
    at(n);
    const mark = vars.length;
    const val = evalPipeline(dot, n.pipe);
    // go1.22 walkRange: the declared variables sit on top of the stack; setTopVar(1, elem), setTopVar(2, index).
    const decl = n.pipe.decl;
    const oneIteration = (index: unknown, elem: unknown): boolean => {
      step();
      if (decl.length > 0) {
        if (n.pipe.isAssign) setVar(decl[0] as string, decl.length > 1 ? index : elem);
        else (vars[vars.length - 1] as { value: unknown }).value = elem;
      }
      if (decl.length > 1) {
        if (n.pipe.isAssign) setVar(decl[1] as string, elem);
        else (vars[vars.length - 2] as { value: unknown }).value = index;
      }
      const inner = vars.length;
      try {
        walkList(n.list, elem);
      } catch (e) {
        if (e instanceof BreakSignal) return false;
        if (!(e instanceof ContinueSignal)) throw e;
      } finally {
        vars = vars.slice(0, inner);
      }
      return true;
    };
    let ran = false;
    if (val instanceof GoNil) {
      // A nil slice or map ranges zero times; a nil pointer is indirected to nothing (go1.22 walkRange, indirect).
      if (val.kind === 'ptr') errorf(`range can't iterate over <nil>`);
    } else if (Array.isArray(val)) {
      for (let k = 0; k < val.length; k++) {
        ran = true;
        if (!oneIteration(k, val[k])) break;
      }
    } else if (isInt(val)) {
      if (n.pipe.decl.length > 1) errorf(`can't use ${val} to iterate over more than one variable`);
      for (let k = 0; k < val; k++) {
        ran = true;
        if (!oneIteration(k, k)) break;
      }
    } else if (
      val !== null &&
      val !== undefined &&
      typeof val === 'object' &&
      !(val instanceof GoStruct) &&
      !(val instanceof GoFunc) &&
      !(val instanceof GoFloat)
    ) {
      const o = val as Record<string, unknown>;
      for (const k of Object.keys(o).sort(goLess)) {
        ran = true;
        if (!oneIteration(k, o[k])) break;
      }
    } else if (val !== null && val !== undefined) {
      at(n);
      errorf(`range can't iterate over ${sprintValue(val)}`);
    }
    if (!ran && n.elseList) walkList(n.elseList, dot);
    vars = vars.slice(0, mark);
  };

  const printValue = (n: Node, v: unknown): string => {
    at(n);
    if (v instanceof GoFunc) return errorf(`can't print ${nodeString((n as { pipe: PipeNode }).pipe)} of type ${typeName(v)}`);
    if (v === undefined) return '<no value>';
    return sprintValue(v);
  };

  const evalPipeline = (dot: unknown, pipe: PipeNode): unknown => {
    at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) value = evalCommand(dot, cmd, value);
    for (const name of pipe.decl) {
      if (pipe.isAssign) setVar(name, value);
      else vars.push({ name, value });
    }
    return value;
  };

  const notAFunction = (args: Arg[], final: unknown) => {
    if (args.length > 1 || final !== MISSING) errorf(`can't give argument to non-function ${nodeString(args[0] as Arg)}`);
  };

  const evalCommand = (dot: unknown, cmd: CommandNode, final: unknown): unknown => {
    const first = cmd.args[0] as Arg;
    switch (first.type) {
      case 'field':
        return evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain': {
        at(first);
        if (first.field.length === 0) errorf('internal error: no fields in evalChainNode');
        if (first.node.type === 'nil') errorf(`indirection through explicit nil in ${nodeString(first)}`);
        const pipe = evalArg(dot, first.node);
        return evalFieldChain(dot, pipe, first, first.field, cmd.args, final);
      }
      case 'identifier':
        return evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        notAFunction(cmd.args, final);
        return evalPipeline(dot, first);
      case 'variable': {
        at(first);
        const value = varValue(first.ident[0] as string);
        if (first.ident.length === 1) {
          notAFunction(cmd.args, final);
          return value;
        }
        return evalFieldChain(dot, value, first, first.ident.slice(1), cmd.args, final);
      }
    }
    at(first);
    notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return errorf('nil is not a command');
      case 'number':
        return idealConstant(first);
      case 'string':
        return first.text;
    }
    return errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  };

  const idealConstant = (c: Extract<Arg, { type: 'number' }>): unknown => {
    at(c);
    return ideal(c, errorf);
  };

  const evalFieldChain = (dot: unknown, receiver: unknown, node: Arg, ident: string[], args: Arg[], final: unknown): unknown => {
    let r = receiver;
    for (let k = 0; k < ident.length - 1; k++) r = evalField(dot, ident[k] as string, node, [], MISSING, r);
    return evalField(dot, ident[ident.length - 1] as string, node, args, final, r);
  };

  const evalField = (dot: unknown, fieldName: string, node: Arg, args: Arg[], final: unknown, receiver: unknown): unknown => {
    at(node);
    if (receiver === undefined) {
      if (opts.missingKeyError) errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    const hasArgs = args.length > 1 || final !== MISSING;
    if (receiver === null) return errorf(`nil pointer evaluating interface {}.${fieldName}`);
    if (receiver instanceof GoNil) {
      // go1.22 evalField: a nil pointer to a struct; a nil map has no keys (missingkey decides); a slice has no fields.
      if (receiver.kind === 'ptr') return errorf(`nil pointer evaluating ${receiver.goType}.${fieldName}`);
      if (receiver.kind === 'slice') return errorf(`can't evaluate field ${fieldName} in type ${receiver.goType}`);
      if (hasArgs) errorf(`${fieldName} is not a method but has arguments`);
      if (opts.missingKeyError) errorf(`map has no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    if (receiver instanceof GoStruct) {
      if (!Object.hasOwn(receiver.fields, fieldName)) return errorf(`can't evaluate field ${fieldName} in type ${receiver.typeName}`);
      const f = receiver.fields[fieldName];
      if (f instanceof GoFunc)
        return evalCall(dot, { params: f.params, ...(f.variadic ? { variadic: f.variadic } : {}), fn: f.fn }, node, fieldName, args, final);
      if (hasArgs) errorf(`${fieldName} has arguments but cannot be invoked as function`);
      return f;
    }
    if (typeof receiver === 'object' && !Array.isArray(receiver) && !(receiver instanceof GoFunc) && !(receiver instanceof GoFloat)) {
      if (hasArgs) errorf(`${fieldName} is not a method but has arguments`);
      const o = receiver as Record<string, unknown>;
      if (!Object.hasOwn(o, fieldName)) {
        if (opts.missingKeyError) errorf(`map has no entry for key ${goQuote(fieldName)}`);
        return undefined;
      }
      return o[fieldName];
    }
    return errorf(`can't evaluate field ${fieldName} in type ${typeName(receiver)}`);
  };

  const evalFunction = (dot: unknown, node: Extract<Arg, { type: 'identifier' }>, cmd: CommandNode, args: Arg[], final: unknown): unknown => {
    at(node);
    const fn = Object.hasOwn(funcs, node.ident) ? funcs[node.ident] : undefined;
    if (!fn) return errorf(`${goQuote(node.ident)} is not a defined function`);
    return evalCall(dot, fn, cmd, node.ident, args, final);
  };

  const evalCall = (dot: unknown, fn: FuncDef, node: Arg | CommandNode, name: string, args: Arg[], final: unknown): unknown => {
    at(node);
    step();
    const argNodes = args.slice(1);
    let numIn = argNodes.length;
    if (final !== MISSING) numIn++;
    const numFixed = fn.params.length;
    if (fn.variadic !== undefined) {
      if (numIn < numFixed) errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${numIn}`);
    } else if (numIn !== numFixed) errorf(`wrong number of args for ${name}: want ${numFixed} got ${numIn}`);
    if (fn.lazy) {
      // and/or: evaluate until the result is known; return that argument.
      let v: unknown;
      for (let k = 0; k < argNodes.length; k++) {
        v = evalArg(dot, argNodes[k] as Arg);
        if (fn.lazy === 'and' ? !isTrue(v) : isTrue(v)) return v;
      }
      if (final !== MISSING) v = final;
      return v;
    }
    const values: unknown[] = [];
    argNodes.forEach((a, k) => {
      const t = k < numFixed ? (fn.params[k] as ParamType) : (fn.variadic as ParamType);
      values.push(convertArg(dot, t, a));
    });
    if (final !== MISSING) {
      const t = values.length < numFixed ? (fn.params[values.length] as ParamType) : (fn.variadic as ParamType);
      values.push(validateType(final, t));
    }
    at(node);
    try {
      return fn.fn(...values);
    } catch (e) {
      if (e instanceof GoCallError) {
        try {
          errorf(`error calling ${name}: ${e.message}`);
        } catch (x) {
          if (x instanceof ExecError) x.wrapped = e;
          throw x;
        }
      }
      throw e;
    }
  };

  const validateType = (value: unknown, t: ParamType): unknown => checkType(value, t, errorf);

  const convertArg = (dot: unknown, t: ParamType, n: Arg): unknown => {
    at(n);
    switch (n.type) {
      case 'dot':
        return validateType(dot, t);
      case 'nil':
        if (t === 'any' || t === '[]string') return null;
        return errorf(`cannot assign nil to ${t}`);
      case 'field':
        return validateType(evalFieldChain(dot, dot, n, n.ident, [n], MISSING), t);
      case 'variable': {
        const v = varValue(n.ident[0] as string);
        return validateType(n.ident.length === 1 ? v : evalFieldChain(dot, v, n, n.ident.slice(1), [n], MISSING), t);
      }
      case 'pipe':
        return validateType(evalPipeline(dot, n), t);
      case 'identifier':
        return validateType(evalFunction(dot, n, { type: 'command', pos: n.pos, args: [n] }, [n], MISSING), t);
      case 'chain':
        return validateType(evalCommand(dot, { type: 'command', pos: n.pos, args: [n] }, MISSING), t);
    }
    return constantArg(n, t, errorf);
  };

  const evalArg = (dot: unknown, n: Arg): unknown => convertArg(dot, 'any', n);

  try {
    walkList(tree.root, data);
  } catch (e) {
    if (e instanceof ExecError) e.partial = out;
    throw e;
  }
  return out;
}
