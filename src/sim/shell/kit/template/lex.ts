/**
 * Go text/template's lexer (go1.22 src/text/template/parse/lex.go, the Go docker 27.3.1 is
 * built with): the same items, the same trim markers (`{{- ` / ` -}}`), comments, keywords
 * and the same error texts ("unclosed action", "bad character U+0023 '#'", …).
 */
import { goQuote, runeU } from './quote.ts';

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  | 'comment'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

export interface Item {
  typ: ItemType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Record<string, ItemType> = {
  '.': 'dot',
  block: 'block',
  break: 'break',
  continue: 'continue',
  define: 'define',
  else: 'else',
  end: 'end',
  if: 'if',
  range: 'range',
  nil: 'nil',
  template: 'template',
  with: 'with',
};
const isKeyword = (t: ItemType) => Object.values(KEYWORDS).includes(t);

/** item.String() in lex.go. */
export function itemString(i: Item): string {
  if (i.typ === 'eof') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (isKeyword(i.typ)) return `<${i.val}>`;
  if ([...i.val].length > 10) return `${goQuote([...i.val].slice(0, 10).join(''))}...`;
  return goQuote(i.val);
}

const SPACE = ' \t\r\n';
const isSpace = (r: string) => r === ' ' || r === '\t' || r === '\r' || r === '\n';
const isAlphaNumeric = (r: string) => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const LEFT = '{{';
const RIGHT = '}}';
const LEFT_TRIM = '- ';
const RIGHT_TRIM = ' -';

/** Lexes the whole input into items (Go runs the same state machine on a goroutine). */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let insideAction = false;
  const emit = (typ: ItemType) => {
    const val = input.slice(start, pos);
    items.push({ typ, pos: start, val, line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = () => {
    line += count(input.slice(start, pos), '\n');
    start = pos;
    startLine = line;
  };
  const errorf = (msg: string) => {
    items.push({ typ: 'error', pos: start, val: msg, line: startLine });
  };
  const next = (): string => {
    if (pos >= input.length) return '';
    const r = String.fromCodePoint(input.codePointAt(pos) as number);
    pos += r.length;
    if (r === '\n') line++;
    return r;
  };

  /** lexQuote and lexChar: on to the closing quote; false at a newline or the end of the input. */
  const scanTo = (close: string): boolean => {
    for (;;) {
      const c = next();
      if (c === '\\') {
        const d = next();
        if (d !== '' && d !== '\n') continue;
        return false;
      }
      if (c === '' || c === '\n') return false;
      if (c === close) return true;
    }
  };
  const peek = (): string => (pos >= input.length ? '' : String.fromCodePoint(input.codePointAt(pos) as number));
  const backup = (r: string) => {
    pos -= r.length;
    if (r === '\n') line--;
  };
  const atRightDelim = (): [boolean, boolean] => {
    if (input.startsWith(RIGHT, pos)) return [true, false];
    if (input.startsWith(RIGHT_TRIM, pos) && input.startsWith(RIGHT, pos + 2)) return [true, true];
    return [false, false];
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (r === '' || isSpace(r)) return true;
    if ('.,|:)('.includes(r)) return true;
    return r === RIGHT[0];
  };
  const scanNumber = (): boolean => {
    const accept = (valid: string) => {
      const r = peek();
      if (r !== '' && valid.includes(r)) {
        next();
        return true;
      }
      return false;
    };
    const acceptRun = (valid: string) => {
      while (accept(valid));
    };
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };

  for (;;) {
    if (!insideAction) {
      // lexText
      const x = input.indexOf(LEFT, pos);
      if (x < 0) {
        pos = input.length;
        if (pos > start) {
          line += count(input.slice(start, pos), '\n');
          emit('text');
        }
        emit('eof');
        return items;
      }
      pos = x;
      let trim = 0;
      if (input.startsWith(LEFT_TRIM, pos + LEFT.length)) {
        const s = input.slice(start, pos);
        trim = s.length - s.replace(/[ \t\r\n]+$/, '').length;
      }
      pos -= trim;
      if (pos > start) {
        line += count(input.slice(start, pos), '\n');
        emit('text');
      }
      pos += trim;
      ignore();
      // lexLeftDelim
      pos += LEFT.length;
      const trimSpace = input.startsWith(LEFT_TRIM, pos);
      const after = trimSpace ? LEFT_TRIM.length : 0;
      if (input.startsWith('/*', pos + after)) {
        pos += after;
        ignore();
        // lexComment
        pos += 2;
        const i = input.indexOf('*/', pos);
        if (i < 0) {
          errorf('unclosed comment');
          return items;
        }
        pos = i + 2;
        const [delim, trimR] = atRightDelim();
        if (!delim) {
          errorf('comment ends before closing delimiter');
          return items;
        }
        line += count(input.slice(start, pos), '\n');
        emit('comment');
        if (trimR) pos += RIGHT_TRIM.length;
        pos += RIGHT.length;
        if (trimR) pos += leftTrimLength(input.slice(pos));
        ignore();
        continue;
      }
      emit('leftDelim');
      pos += after;
      ignore();
      parenDepth = 0;
      insideAction = true;
      continue;
    }
    // lexInsideAction
    const [delim, trimR] = atRightDelim();
    if (delim) {
      if (parenDepth !== 0) {
        errorf('unclosed left paren');
        return items;
      }
      // lexRightDelim
      if (trimR) {
        pos += RIGHT_TRIM.length;
        ignore();
      }
      pos += RIGHT.length;
      emit('rightDelim');
      if (trimR) {
        pos += leftTrimLength(input.slice(pos));
        ignore();
      }
      insideAction = false;
      continue;
    }
    const r = next();
    if (r === '') {
      errorf('unclosed action');
      return items;
    }
    if (isSpace(r)) {
      // lexSpace: a run of spaces; " -}}" is a trim marker, not a space.
      let numSpaces = 1;
      for (;;) {
        const p = peek();
        if (!isSpace(p)) break;
        next();
        numSpaces++;
      }
      if (input.startsWith(RIGHT_TRIM, pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
        backup(' ');
        if (numSpaces === 1) continue;
      }
      emit('space');
      continue;
    }
    if (r === '=') {
      emit('assign');
    } else if (r === ':') {
      if (next() !== '=') {
        errorf('expected :=');
        return items;
      }
      emit('declare');
    } else if (r === '|') emit('pipe');
    else if (r === '"') {
      // lexQuote
      if (!scanTo('"')) {
        errorf('unterminated quoted string');
        return items;
      }
      emit('string');
    } else if (r === '`') {
      const i = input.indexOf('`', pos);
      if (i < 0) {
        errorf('unterminated raw quoted string');
        return items;
      }
      line += count(input.slice(pos, i + 1), '\n');
      pos = i + 1;
      emit('rawString');
    } else if (r === '$' || (r === '.' && !(pos < input.length && /[0-9]/.test(input[pos] as string)))) {
      // lexVariable / lexField
      const typ: ItemType = r === '$' ? 'variable' : 'field';
      if (atTerminator()) {
        emit(typ === 'variable' ? 'variable' : 'dot');
        continue;
      }
      let c: string;
      for (;;) {
        c = next();
        if (!isAlphaNumeric(c)) {
          if (c !== '') backup(c);
          break;
        }
      }
      if (!atTerminator()) {
        errorf(`bad character ${runeU(c)}`);
        return items;
      }
      emit(typ);
    } else if (r === "'") {
      if (!scanTo("'")) {
        errorf('unterminated character constant');
        return items;
      }
      emit('charConstant');
    } else if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
      backup(r);
      // lexNumber
      if (!scanNumber()) {
        errorf(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        return items;
      }
      const sign = peek();
      if (sign === '+' || sign === '-') {
        if (!scanNumber() || input[pos - 1] !== 'i') {
          errorf(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
          return items;
        }
        emit('complex');
      } else emit('number');
    } else if (isAlphaNumeric(r)) {
      // lexIdentifier
      let c: string;
      for (;;) {
        c = next();
        if (!isAlphaNumeric(c)) {
          if (c !== '') backup(c);
          break;
        }
      }
      const word = input.slice(start, pos);
      if (!atTerminator()) {
        errorf(`bad character ${runeU(c)}`);
        return items;
      }
      const kw = Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word] : undefined;
      if (kw && kw !== 'dot') emit(kw);
      else if (word === 'true' || word === 'false') emit('bool');
      else emit('identifier');
    } else if (r === '(') {
      emit('leftParen');
      parenDepth++;
    } else if (r === ')') {
      emit('rightParen');
      parenDepth--;
      if (parenDepth < 0) {
        errorf(`unexpected right paren ${runeU(r)}`);
        return items;
      }
    } else if ((r.codePointAt(0) as number) <= 0x7f && /[\x20-\x7e]/.test(r)) {
      emit('char');
    } else {
      errorf(`unrecognized character in action: ${runeU(r)}`);
      return items;
    }
  }
}

function count(s: string, sub: string): number {
  return s.split(sub).length - 1;
}

function leftTrimLength(s: string): number {
  let i = 0;
  while (i < s.length && SPACE.includes(s[i] as string)) i++;
  return i;
}
