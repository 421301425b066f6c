/**
 * A constant argument converted to a function's parameter type, as go1.22 src/text/template/exec.go
 * evalArg does (evalBool, evalString, evalInteger, evalFloat, evalEmptyInterface) and idealConstant:
 * an untyped number is a float64 only when it looks like one, else an int, else `overflows int`.
 */
import { nodeString, type Arg } from './node.ts';
import { GoFloat, type ParamType } from './value.ts';

type Errorf = (msg: string) => never;

/** go1.22 exec.go idealConstant. */
export function ideal(c: Extract<Arg, { type: 'number' }>, errorf: Errorf): unknown {
  if (c.isFloat && !/^[+-]?0[xX]/.test(c.text) && !c.text.startsWith("'") && /[.eEpP]/.test(c.text)) return new GoFloat(c.float);
  if (c.isInt) return c.int;
  return errorf(`${c.text} overflows int`);
}

/** go1.22 exec.go evalArg's switch on the parameter's kind, for a constant node. */
export function constantArg(n: Arg, t: ParamType, errorf: Errorf): unknown {
  switch (t) {
    case 'bool':
      if (n.type === 'bool') return n.value;
      return errorf(`expected bool; found ${nodeString(n)}`);
    case 'string':
      if (n.type === 'string') return n.text;
      return errorf(`expected string; found ${nodeString(n)}`);
    case 'int':
      if (n.type === 'number' && n.isInt) return n.int;
      return errorf(`expected integer; found ${nodeString(n)}`);
    case 'float64':
      if (n.type === 'number' && n.isFloat) return n.float;
      return errorf(`expected float; found ${nodeString(n)}`);
    case '[]string':
      return errorf(`can't handle ${nodeString(n)} for arg of type []string`);
    case 'any':
      if (n.type === 'bool') return n.value;
      if (n.type === 'string') return n.text;
      if (n.type === 'number') return ideal(n, errorf);
  }
  return errorf(`can't handle ${nodeString(n)} for arg of type ${t}`);
}
