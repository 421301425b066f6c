/**
 * `kubectl get -o yaml`: sigs.k8s.io/yaml over an unstructured object, i.e. go-yaml v2's emitter:
 * keys sorted, sequences at their key's indent, strings that would read back as another type
 * double-quoted, strings unsafe as plain scalars single-quoted, multi-line strings as `|` blocks.
 * (go-yaml also folds plain scalars longer than 80 columns; that is not reproduced.)
 */
import { structOrdered } from '../../../../k8s/structorder.ts';
import { goJson } from '../../../k8s/apiserver/last-applied.ts';
import { isObj } from './obj.ts';

const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** YAML 1.1 words and numbers go-yaml resolves to something other than a string. */
const NON_STRING =
  /^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?)$/;

function plainUnsafe(s: string): boolean {
  if (s === '' || /^[\s]|[\s]$/.test(s)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s) && !(/^[-?:]/.test(s) && s.length > 1 && !/^[-?:]\s/.test(s) && s[0] !== ':')) return true;
  if (/: |:$| #|[\t]/.test(s)) return true;
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  const s = String(v);
  if (NON_STRING.test(s) || s === '') return JSON.stringify(s);
  if (plainUnsafe(s)) return `'${s.replace(/'/g, "''")}'`;
  return s;
}

function block(s: string, indent: string): string {
  const chomp = s.endsWith('\n') ? (s.endsWith('\n\n') ? '+' : '') : '-';
  const body = (s.endsWith('\n') ? s.slice(0, -1) : s)
    .split('\n')
    .map((l) => (l ? `${indent}${l}` : ''))
    .join('\n');
  return `|${chomp}\n${body}`;
}

function emit(v: unknown, indent: string, out: string[], key: string): void {
  if (isObj(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort(byteOrder);
    if (!keys.length) {
      out.push(`${key} {}`);
      return;
    }
    if (key) out.push(key);
    const childIndent = key ? `${indent}  ` : indent;
    for (const k of keys) emitEntry(`${childIndent}${scalar(k)}:`, v[k], childIndent, out);
    return;
  }
  out.push(`${key} ${scalar(v)}`);
}

function emitEntry(head: string, v: unknown, indent: string, out: string[]): void {
  if (isObj(v)) {
    const keys = Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort(byteOrder);
    if (!keys.length) {
      out.push(`${head} {}`);
      return;
    }
    out.push(head);
    for (const k of keys) emitEntry(`${indent}  ${scalar(k)}:`, v[k], `${indent}  `, out);
  } else if (Array.isArray(v)) {
    if (!v.length) {
      out.push(`${head} []`);
      return;
    }
    out.push(head);
    for (const item of v) emitItem(item, indent, out);
  } else if (typeof v === 'string' && v.includes('\n')) {
    out.push(`${head} ${block(v, `${indent}  `)}`);
  } else out.push(`${head} ${scalar(v)}`);
}

/** A sequence item at `indent` (go-yaml: `- ` at the parent key's column). */
function emitItem(item: unknown, indent: string, out: string[]): void {
  if (isObj(item)) {
    const keys = Object.keys(item)
      .filter((k) => item[k] !== undefined)
      .sort(byteOrder);
    if (!keys.length) {
      out.push(`${indent}- {}`);
      return;
    }
    const start = out.length;
    for (const k of keys) emitEntry(`${indent}  ${scalar(k)}:`, item[k], `${indent}  `, out);
    out[start] = `${indent}- ${out[start]!.slice(indent.length + 2)}`;
  } else if (Array.isArray(item)) {
    if (!item.length) {
      out.push(`${indent}- []`);
      return;
    }
    const start = out.length;
    for (const x of item) emitItem(x, `${indent}  `, out);
    out[start] = `${indent}- ${out[start]!.slice(indent.length + 2)}`;
  } else if (typeof item === 'string' && item.includes('\n')) out.push(`${indent}- ${block(item, `${indent}  `)}`);
  else out.push(`${indent}- ${scalar(item)}`);
}

export function toYaml(v: unknown): string {
  const out: string[] = [];
  if (isObj(v)) emit(v, '', out, '');
  else if (Array.isArray(v)) for (const item of v) emitItem(item, '', out);
  else out.push(scalar(v));
  return `${out.join('\n')}\n`;
}

/**
 * encoding/json MarshalIndent(v, "", "    ") over an unstructured object: sorted keys, <>& escaped. `typed`: an object a
 * generator built (--dry-run=client), printed as its Go struct, fields in declaration order (k8s/structorder.ts).
 */
export function toJson(v: unknown, typed = false): string {
  return `${typed ? goJson(structOrdered(v), 4, true) : goJson(v, 4)}\n`;
}
