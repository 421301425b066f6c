/**
 * The error of Go's `json.Unmarshal(b, &map[string]interface{}{})` (go1.22 src/encoding/json/scanner.go checkValid: the
 * scanner's state machine, its `invalid character 'x' <context>` texts and quoteChar, eof() stepping one ' ' first, so
 * `tru` ends as "invalid character ' ' in literal true (expecting 'e')"; decode.go: a valid value that is not an object
 * is an UnmarshalTypeError, `json: cannot unmarshal array into Go value of type map[string]interface {}`; null is none).
 * The API server checks a dockercfg / dockerconfigjson Secret with it. `bytes` is a latin-1 string of the raw bytes.
 */

const CTRL: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };

/** quoteChar: `'\''`, `'"'`, else strconv.Quote(string(rune(c))) between single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return `'"'`;
  if (c === 0x5c) return "'\\\\'";
  if (CTRL[c]) return `'${CTRL[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c >= 0x80 && (c < 0xa0 || c === 0xad)) return `'\\u00${c.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

type Frame = 'key' | 'value' | 'array';
const LITERALS: Record<string, string> = { t: 'true', f: 'false', n: 'null' };

/** The syntax error of checkValid, or undefined. */
function syntaxError(bytes: string): string | undefined {
  const stack: Frame[] = [];
  let state = 'begin';
  let lit = '';
  let litAt = 0;
  let hex = 0;
  let endTop = false;
  let err: string | undefined;
  const fail = (c: number, ctx: string): undefined => {
    err = `invalid character ${quoteChar(c)} ${ctx}`;
    state = 'error';
  };
  const pop = (): undefined => {
    stack.pop();
    if (!stack.length) endTop = true;
    state = stack.length ? 'end' : 'top';
  };
  const step = (c: number): undefined => {
    switch (state) {
      case 'beginOrEmpty':
        if (isSpace(c)) return;
        if (c === 0x5d) {
          state = 'end';
          step(c);
          return;
        }
        state = 'begin';
        return step(c);
      case 'begin':
        if (isSpace(c)) return;
        if (c === 0x7b) {
          stack.push('key');
          state = 'keyOrEmpty';
          return;
        }
        if (c === 0x5b) {
          stack.push('array');
          state = 'beginOrEmpty';
          return;
        }
        if (c === 0x22) {
          state = 'str';
          return;
        }
        if (c === 0x2d) {
          state = 'neg';
          return;
        }
        if (c === 0x30) {
          state = 'zero';
          return;
        }
        if (isDigit(c)) {
          state = 'int';
          return;
        }
        if (LITERALS[String.fromCharCode(c)]) {
          lit = LITERALS[String.fromCharCode(c)]!;
          litAt = 1;
          state = 'lit';
          return;
        }
        return fail(c, 'looking for beginning of value');
      case 'keyOrEmpty':
        if (isSpace(c)) return;
        if (c === 0x7d) {
          stack[stack.length - 1] = 'value';
          state = 'end';
          step(c);
          return;
        }
        state = 'key';
        return step(c);
      case 'key':
        if (isSpace(c)) return;
        if (c === 0x22) {
          state = 'str';
          return;
        }
        return fail(c, 'looking for beginning of object key string');
      case 'end': {
        if (!stack.length) {
          endTop = true;
          state = 'top';
          return step(c);
        }
        if (isSpace(c)) return;
        const top = stack[stack.length - 1]!;
        if (top === 'key') {
          if (c !== 0x3a) return fail(c, 'after object key');
          stack[stack.length - 1] = 'value';
          state = 'begin';
          return;
        }
        if (top === 'value') {
          if (c === 0x2c) {
            stack[stack.length - 1] = 'key';
            state = 'key';
            return;
          }
          return c === 0x7d ? pop() : fail(c, 'after object key:value pair');
        }
        if (c === 0x2c) {
          state = 'begin';
          return;
        }
        return c === 0x5d ? pop() : fail(c, 'after array element');
      }
      case 'top':
        if (!isSpace(c)) fail(c, 'after top-level value');
        return;
      case 'str':
        if (c === 0x22) {
          state = 'end';
          return;
        }
        if (c === 0x5c) {
          state = 'esc';
          return;
        }
        if (c < 0x20) fail(c, 'in string literal');
        return;
      case 'esc':
        if ('bfnrt\\/"'.includes(String.fromCharCode(c))) {
          state = 'str';
          return;
        }
        if (c === 0x75) {
          hex = 0;
          state = 'u';
          return;
        }
        return fail(c, 'in string escape code');
      case 'u':
        if (!isHex(c)) return fail(c, 'in \\u hexadecimal character escape');
        if (++hex === 4) state = 'str';
        return;
      case 'neg':
        if (c === 0x30) {
          state = 'zero';
          return;
        }
        if (isDigit(c)) {
          state = 'int';
          return;
        }
        return fail(c, 'in numeric literal');
      case 'int':
        if (isDigit(c)) return;
        state = 'zero';
        return step(c);
      case 'zero':
        if (c === 0x2e) {
          state = 'dot';
          return;
        }
        if (c === 0x65 || c === 0x45) {
          state = 'e';
          return;
        }
        state = 'end';
        return step(c);
      case 'dot':
        if (!isDigit(c)) return fail(c, 'after decimal point in numeric literal');
        state = 'frac';
        return;
      case 'frac':
        if (isDigit(c)) return;
        if (c === 0x65 || c === 0x45) {
          state = 'e';
          return;
        }
        state = 'end';
        return step(c);
      case 'e':
        state = 'esign';
        if (c === 0x2b || c === 0x2d) return;
        return step(c);
      case 'esign':
        if (!isDigit(c)) return fail(c, 'in exponent of numeric literal');
        state = 'exp';
        return;
      case 'exp':
        if (isDigit(c)) return;
        state = 'end';
        return step(c);
      case 'lit':
        if (c !== lit.charCodeAt(litAt)) return fail(c, `in literal ${lit} (expecting '${lit[litAt]}')`);
        if (++litAt === lit.length) state = 'end';
        return;
    }
  };
  for (let i = 0; i < bytes.length && state !== 'error'; i++) step(bytes.charCodeAt(i));
  if (err) return err;
  if (endTop) return undefined;
  step(0x20);
  if (err) return err;
  return endTop ? undefined : 'unexpected end of JSON input';
}

/** The whole error json.Unmarshal into a map[string]interface{} gives, or undefined. */
export function goJsonError(bytes: string): string | undefined {
  const syntax = syntaxError(bytes);
  if (syntax) return syntax;
  const first = bytes.trimStart()[0];
  const kind = first === '[' ? 'array' : first === '"' ? 'string' : first === 't' || first === 'f' ? 'bool' : first === 'n' || first === '{' ? '' : 'number';
  return kind ? `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}` : undefined;
}
