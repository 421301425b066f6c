/**
 * Go text/template's parser (go1.22 src/text/template/parse/parse.go): the tree of node.ts from
 * lex.ts's items, with the same checks and the same error texts, "template: :1: unexpected \"}\"
 * in operand".
 */
import { itemString, lex, type Item, type ItemType } from './lex.ts';
import { goQuote } from './quote.ts';
import { nodeString, type Arg, type CommandNode, type ListNode, type Node, type PipeNode, type Tree } from './node.ts';
import { unquote, unquoteChar } from './quote.ts';

type End = { type: 'end' | 'else'; pos: number; line: number };

export class ParseError extends Error {}

/** Parses `text` with the functions in `funcs` (a name not in it fails: function "x" not defined). */
export function parse(text: string, hasFunc: (name: string) => boolean, name = ''): Tree {
  const items = lex(text);
  let i = 0;
  let vars = ['$'];
  let rangeDepth = 0;
  let actionLine = 0;
  let lastLine = 1;
  const defines = new Map<string, ListNode>();

  const nextItem = (): Item => {
    const it = items[i] ?? (items[items.length - 1] as Item);
    i++;
    lastLine = it.line;
    return it;
  };
  const peek = (): Item => items[i] ?? (items[items.length - 1] as Item);
  const backup = (n = 1) => {
    i -= n;
  };
  const nextNonSpace = (): Item => {
    let t = nextItem();
    while (t.typ === 'space') t = nextItem();
    return t;
  };
  // Go's peekNonSpace drops the spaces it skipped: nextNonSpace, then back up one item.
  const peekNonSpace = (): Item => {
    const t = nextNonSpace();
    backup();
    return t;
  };
  const errorf = (msg: string): never => {
    throw new ParseError(`template: ${name}:${lastLine}: ${msg}`);
  };
  const unexpected = (t: Item, context: string): never => {
    if (t.typ === 'error') {
      let extra = '';
      if (actionLine !== 0 && actionLine !== t.line) {
        extra = ` in action started at ${name}:${actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      return errorf(`${itemString(t)}${extra}`);
    }
    return errorf(`unexpected ${itemString(t)} in ${context}`);
  };
  const expect = (typ: ItemType, context: string): Item => {
    const t = nextNonSpace();
    if (t.typ !== typ) unexpected(t, context);
    return t;
  };

  const useVar = (pos: number, name: string): Arg => {
    const ident = name.split('.');
    if (!vars.includes(ident[0] as string)) errorf(`undefined variable ${goQuote(ident[0] as string)}`);
    return { type: 'variable', pos, ident };
  };

  const newNumber = (t: Item): Arg => {
    const text = t.val;
    if (t.typ === 'charConstant') {
      const s = unquoteChar(text);
      if (s === null) return errorf(`malformed character constant: ${text}`);
      const c = s.codePointAt(0) as number;
      return { type: 'number', pos: t.pos, text, isInt: true, isFloat: true, int: c, float: c };
    }
    if (t.typ === 'complex') return errorf(`complex constants are not supported here: ${text}`);
    const clean = text.replace(/_/g, '');
    let isInt = false;
    let int = 0;
    if (/^[+-]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$/.test(clean)) {
      const neg = clean.startsWith('-');
      const body = clean.replace(/^[+-]/, '');
      int =
        body.startsWith('0x') || body.startsWith('0X')
          ? parseInt(body.slice(2), 16)
          : body.startsWith('0b') || body.startsWith('0B')
            ? parseInt(body.slice(2), 2)
            : body.startsWith('0o') || body.startsWith('0O')
              ? parseInt(body.slice(2), 8)
              : body.length > 1 && body.startsWith('0')
                ? parseInt(body, 8)
                : parseInt(body, 10);
      if (neg) int = -int;
      isInt = Number.isSafeInteger(int);
    }
    let float = Number(clean);
    let isFloat = /^[+-]?([0-9]*\.?[0-9]*([eE][+-]?[0-9]+)?)$/.test(clean) && clean !== '' && !Number.isNaN(float);
    if (isInt) {
      float = int;
      isFloat = true;
    } else if (isFloat && Number.isInteger(float) && Number.isSafeInteger(float)) {
      isInt = true;
      int = float;
    }
    if (!isInt && !isFloat) return errorf(`illegal number syntax: ${goQuote(text)}`);
    return { type: 'number', pos: t.pos, text, isInt, isFloat, int, float };
  };

  const term = (): Arg | null => {
    const t = nextNonSpace();
    switch (t.typ) {
      case 'identifier':
        if (!hasFunc(t.val)) errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable':
        return useVar(t.pos, t.val);
      case 'field':
        return { type: 'field', pos: t.pos, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        return newNumber(t);
      case 'leftParen':
        return pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s = t.typ === 'rawString' ? t.val.slice(1, -1).replace(/\r/g, '') : unquote(t.val);
        if (s === null) return errorf(`invalid syntax`);
        return { type: 'string', pos: t.pos, quoted: t.val, text: s };
      }
      default:
        backup();
        return null;
    }
  };

  const operand = (): Arg | null => {
    let node = term();
    if (!node) return null;
    if (peek().typ === 'field') {
      const chainPos = peek().pos;
      const fields: string[] = [];
      while (peek().typ === 'field') fields.push(nextItem().val.slice(1));
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
          break;
        case 'variable':
          node = { type: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
          break;
        default:
          node = { type: 'chain', pos: chainPos, node, field: fields };
      }
    }
    return node;
  };

  const command = (): CommandNode => {
    const cmd: CommandNode = { type: 'command', pos: peekNonSpace().pos, args: [] };
    for (;;) {
      peekNonSpace();
      const op = operand();
      if (op) cmd.args.push(op);
      const t = nextItem();
      if (t.typ === 'space') continue;
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') backup();
      else if (t.typ !== 'pipe') unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) errorf('empty command');
    return cmd;
  };

  const checkPipeline = (pipe: PipeNode, context: string) => {
    if (pipe.cmds.length === 0) errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, k) => {
      const t = c.args[0]?.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') errorf(`non executable command in pipeline stage ${k + 2}`);
    });
  };

  const pipeline = (context: string, end: ItemType): PipeNode => {
    const tok = peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: tok.pos, line: tok.line, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = peekNonSpace();
      if (v.typ !== 'variable') break;
      nextNonSpace();
      const afterVar = peek();
      const nx = peekNonSpace();
      if (nx.typ === 'assign' || nx.typ === 'declare') {
        pipe.isAssign = nx.typ === 'assign';
        nextNonSpace();
        pipe.decl.push(v.val);
        vars.push(v.val);
      } else if (nx.typ === 'char' && nx.val === ',') {
        nextNonSpace();
        pipe.decl.push(v.val);
        vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = peekNonSpace().typ;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue;
          errorf('range can only initialize variables');
        }
        errorf(`too many declarations in ${context}`);
      } else if (afterVar.typ === 'space') {
        // backup3: the variable and the space
        i = items.indexOf(v);
      } else {
        i = items.indexOf(v);
      }
      break;
    }
    for (;;) {
      const t = nextNonSpace();
      if (t.typ === end) {
        checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          backup();
          pipe.cmds.push(command());
          break;
        default:
          unexpected(t, context);
      }
    }
  };

  const itemList = (): [ListNode, End] => {
    const list: ListNode = { type: 'list', pos: peekNonSpace().pos, nodes: [] };
    while (peekNonSpace().typ !== 'eof') {
      const n = textOrAction();
      if (n === null) continue;
      if (n.type === 'end' || n.type === 'else') return [list, n as End];
      list.nodes.push(n as Node);
    }
    return errorf('unexpected EOF');
  };

  const parseControl = (context: string): { pos: number; line: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null } => {
    const saved = vars.length;
    const pipe = pipeline(context, 'rightDelim');
    if (context === 'range') rangeDepth++;
    const [list, nx] = itemList();
    if (context === 'range') rangeDepth--;
    let elseList: ListNode | null = null;
    if (nx.type === 'else') {
      if (context === 'if' && peek().typ === 'if') {
        nextItem();
        elseList = { type: 'list', pos: nx.pos, nodes: [control('if')] };
      } else {
        const [l2, n2] = itemList();
        if (n2.type !== 'end') errorf(`expected end; found {{${n2.type}}}`);
        elseList = l2;
      }
    }
    vars = vars.slice(0, saved);
    return { pos: pipe.pos, line: pipe.line, pipe, list, elseList };
  };

  const control = (kind: 'if' | 'range' | 'with'): Node => ({ type: kind, ...parseControl(kind) });

  const action = (): Node | End => {
    const t = nextNonSpace();
    switch (t.typ) {
      case 'block': {
        // {{block "name" pipeline}} T1 {{end}}: define "name" as T1, then execute it here.
        const tk = nextNonSpace();
        if (tk.typ !== 'string' && tk.typ !== 'rawString') unexpected(tk, 'block clause');
        const name = tk.typ === 'rawString' ? tk.val.slice(1, -1) : (unquote(tk.val) ?? '');
        const pipe = pipeline('block clause', 'rightDelim');
        const [list, end] = itemList();
        if (end.type !== 'end') errorf(`unexpected {{${end.type}}} in block clause`);
        defines.set(name, list);
        return { type: 'template', pos: t.pos, line: t.line, name, pipe };
      }
      case 'define':
        return errorf(`unexpected ${itemString(t)} in command`);
      case 'break':
      case 'continue': {
        const kw = t.typ;
        const tk = nextNonSpace();
        if (tk.typ !== 'rightDelim') unexpected(tk, `{{${kw}}}`);
        if (rangeDepth === 0) errorf(`{{${kw}}} outside {{range}}`);
        return { type: kw, pos: t.pos, line: t.line };
      }
      case 'else': {
        const p = peekNonSpace();
        // go1.22 rewrites only "else if" (else with came in go1.23).
        if (p.typ === 'if') return { type: 'else', pos: p.pos, line: p.line };
        const tk = expect('rightDelim', 'else');
        return { type: 'else', pos: tk.pos, line: tk.line };
      }
      case 'end': {
        const tk = expect('rightDelim', 'end');
        return { type: 'end', pos: tk.pos, line: tk.line };
      }
      case 'if':
      case 'range':
      case 'with':
        return control(t.typ);
      case 'template': {
        const tk = nextNonSpace();
        if (tk.typ !== 'string' && tk.typ !== 'rawString') unexpected(tk, 'template clause');
        const name = tk.typ === 'rawString' ? tk.val.slice(1, -1) : (unquote(tk.val) ?? '');
        let pipe: PipeNode | null = null;
        if (nextNonSpace().typ !== 'rightDelim') {
          backup();
          pipe = pipeline('template clause', 'rightDelim');
        }
        return { type: 'template', pos: t.pos, line: t.line, name, pipe };
      }
    }
    backup();
    const tk = peek();
    return { type: 'action', pos: tk.pos, line: tk.line, pipe: pipeline('command', 'rightDelim') };
  };

  const textOrAction = (): Node | End | null => {
    const t = nextNonSpace();
    switch (t.typ) {
      case 'text':
        return { type: 'text', pos: t.pos, text: t.val };
      case 'comment':
        return null;
      case 'leftDelim': {
        actionLine = t.line;
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      }
      default:
        return unexpected(t, 'input');
    }
  };

  const root: ListNode = { type: 'list', pos: peek().pos, nodes: [] };
  while (peek().typ !== 'eof') {
    if (peek().typ === 'leftDelim') {
      const save = i;
      nextItem();
      if (nextNonSpace().typ === 'define') {
        const nameTok = nextNonSpace();
        if (nameTok.typ !== 'string' && nameTok.typ !== 'rawString') unexpected(nameTok, 'define clause');
        expect('rightDelim', 'define clause');
        const saved = vars;
        vars = ['$'];
        const [list, end] = itemList();
        if (end.type !== 'end') errorf(`unexpected {{${end.type}}} in define clause`);
        vars = saved;
        defines.set(nameTok.typ === 'rawString' ? nameTok.val.slice(1, -1) : (unquote(nameTok.val) ?? ''), list);
        continue;
      }
      i = save;
    }
    const n = textOrAction();
    if (n === null) continue;
    if (n.type === 'end' || n.type === 'else') errorf(`unexpected {{${n.type}}}`);
    root.nodes.push(n as Node);
  }
  return { name, root, text, defines };
}
