/** `-o`: yaml, json, name, jsonpath=, go-template=, wide; kubectl's words for a bad format. */
import type { ResourceInfo } from '../../../k8s/apiserver/resources.ts';
import type { KObject } from '../../../k8s/types.ts';
import { BUILTINS, parseTemplate, TemplateError } from '../../kit/template/index.ts';
import type { ExecResult } from '../../../api.ts';
import { objName, out, warnFirst } from './common.ts';
import { JsonPathError, runJsonPath } from './jsonpath.ts';
import { toJson, toYaml } from './yaml-out.ts';

/** get's formats: its PrintFlags add the human-readable printers (custom-columns, wide) to the generic ones. */
export const OUTPUT_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
/**
 * The other verbs' formats (create and its generators, create -f, run, expose, annotate, scale, set, config view):
 * genericclioptions.NewPrintFlags without the human-readable printers (kubernetes/cli-runtime@v0.30.5:
 * pkg/genericclioptions/print_flags.go AllowedFormats), as a real kubectl v1.30.13 lists them.
 */
const GENERIC_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

export type Format =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' | 'json' | 'name' }
  | { kind: 'jsonpath' | 'go-template'; template: string }
  /** get's `custom-columns=SPEC` or `custom-columns-file=FILE` (custom-columns.ts; get.ts reads the file). */
  | { kind: 'custom-columns'; spec: string; file: boolean };

/** Parses -o; undefined for an unknown format (the caller prints kubectl's error). `wide` and custom-columns are get's only (`human`). */
export function parseFormat(o: string | undefined, human = false): Format | undefined {
  if (!o) return { kind: 'table', wide: false };
  if (o === 'wide') return human ? { kind: 'table', wide: true } : undefined;
  // kubectl@v0.30.5:pkg/cmd/get/customcolumn_flags.go ToPrinter: the format with or without `=VALUE` (an empty one is
  // refused when the printer is made).
  const cc = human ? /^custom-columns(-file)?(?:=(.*))?$/s.exec(o) : null;
  if (cc) return { kind: 'custom-columns', spec: cc[2] ?? '', file: Boolean(cc[1]) };
  if (o === 'yaml' || o === 'json' || o === 'name') return { kind: o };
  const m = /^(jsonpath|go-template|template)=(.*)$/s.exec(o);
  if (m) return { kind: m[1] === 'jsonpath' ? 'jsonpath' : 'go-template', template: m[2]! };
  return undefined;
}

/** cli-runtime's NoCompatiblePrinterError (print_flags.go), without CheckErr's `error: ` (label meets it per object). */
export const printerError = (o: string, human = false) =>
  `unable to match a printer suitable for the output format "${o}", allowed formats are: ${human ? OUTPUT_FORMATS : GENERIC_FORMATS}`;

export const badFormat = (o: string, human = false) => `error: ${printerError(o, human)}\n`;

/** A List as kubectl builds it for more than one object. */
export const asList = (items: KObject[]) => ({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } });

/** Prints objects in a non-table format; `single` prints one object bare (a get by one name). */
/** `typed`: objects a generator built (--dry-run=client), whose -o json is their Go struct's field order (yaml-out.ts toJson). */
export function printObjects(f: Format, items: { r: ResourceInfo; o: KObject }[], single: boolean, typed = false): { stdout: string; stderr: string } {
  const data = single && items.length === 1 ? items[0]!.o : asList(items.map((x) => x.o));
  try {
    switch (f.kind) {
      case 'yaml':
        return { stdout: toYaml(data), stderr: '' };
      case 'json':
        return { stdout: toJson(data, typed), stderr: '' };
      case 'name':
        return { stdout: items.map((x) => `${objName(x.r, x.o.metadata.name)}\n`).join(''), stderr: '' };
      case 'jsonpath':
        return { stdout: runJsonPath(f.template, data), stderr: '' };
      case 'go-template':
        return { stdout: parseTemplate(f.template, BUILTINS).run(data), stderr: '' };
      default:
        return { stdout: '', stderr: '' };
    }
  } catch (e) {
    if (e instanceof JsonPathError)
      return {
        stdout: '',
        stderr: `error: error executing jsonpath "${f.kind === 'jsonpath' ? f.template : ''}": Error executing template: ${e.message}. Printing more information for debugging the template:\n`,
      };
    if (e instanceof TemplateError)
      return { stdout: e.partial, stderr: `error: error executing template "${f.kind === 'go-template' ? f.template : ''}": ${e.message}\n` };
    throw e;
  }
}

/**
 * How a create generator answers (create_*.go's PrintObj): `KIND/NAME created` with the dry run's words, or -o's printer
 * over the object (`typed`: one the client built, printed in its Go struct's order); `warning` (--dry-run's deprecation)
 * first.
 */
export function createdPrinter(format: Format, r: ResourceInfo, name: string, warning = '') {
  return (o: unknown, tail: string, typed = false): ExecResult =>
    warnFirst(
      warning,
      format.kind === 'table' ? out(`${objName(r, name)} created${tail}\n`) : out(printObjects(format, [{ r, o: o as KObject }], true, typed).stdout),
    );
}
