/**
 * The tree Go text/template's parser builds (go1.22 src/text/template/parse/node.go): the node
 * types exec.ts walks, and node.String() for the nodes error messages quote.
 */
export type Node =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; line: number; pipe: PipeNode }
  | { type: 'if' | 'range' | 'with'; pos: number; line: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null }
  | { type: 'break' | 'continue'; pos: number; line: number }
  | { type: 'template'; pos: number; line: number; name: string; pipe: PipeNode | null };

export interface ListNode {
  type: 'list';
  pos: number;
  nodes: Node[];
}
export interface PipeNode {
  type: 'pipe';
  pos: number;
  line: number;
  isAssign: boolean;
  decl: string[];
  cmds: CommandNode[];
}
export interface CommandNode {
  type: 'command';
  pos: number;
  args: Arg[];
}
export type Arg =
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: Arg; field: string[] }
  | { type: 'identifier'; pos: number; ident: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; isInt: boolean; isFloat: boolean; int: number; float: number }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | PipeNode;

/** node.String() as Go prints it in error contexts. */
export function nodeString(n: Arg | CommandNode): string {
  switch (n.type) {
    case 'field':
      return `.${n.ident.join('.')}`;
    case 'variable':
      return n.ident.join('.');
    case 'chain':
      return `${n.node.type === 'pipe' ? `(${nodeString(n.node)})` : nodeString(n.node)}.${n.field.join('.')}`;
    case 'identifier':
      return n.ident;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return String(n.value);
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'pipe':
      return `${n.decl.length ? `${n.decl.join(', ')} ${n.isAssign ? '=' : ':='} ` : ''}${n.cmds.map(nodeString).join(' | ')}`;
  }
}

export interface Tree {
  name: string;
  root: ListNode;
  text: string;
  defines: Map<string, ListNode>;
}
