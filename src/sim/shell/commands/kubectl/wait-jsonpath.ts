/**
 * kubectl wait --for=jsonpath=EXPR[=VALUE] (kubernetes/kubectl@v0.30.5:pkg/cmd/wait/wait.go conditionFuncFor,
 * processJSONPathInput, splitJSONPathInput, JSONPathWait.checkCondition, verifyParsedJSONPath, compareResults):
 * - the input split at each `=` that is not part of `==`; more than two parts is the format error; the expression
 *   relaxed as get's custom columns do (pkg/cmd/get/customcolumn.go RelaxedJSONPathExpression: `{.a.b}`, `.a.b`, `a.b`);
 *   the value trimmed of quotes, and an `=` with nothing after it refused;
 * - missing keys are allowed (no result: not met yet); more than one value is an error; with no VALUE any result
 *   meets it; else the value's %v, trimmed, must equal VALUE (a map or list: "jsonpath leads to a nested object or
 *   list which is not supported").
 */
import type { KObject } from '../../../k8s/types.ts';
import { evalPath, JsonPathError } from './jsonpath.ts';

const FORMAT = "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

function split(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=') {
      if (input[i + 1] === '=') {
        cur += '==';
        i++;
        continue;
      }
      out.push(cur);
      cur = '';
      continue;
    }
    cur += input[i];
  }
  return [...out, cur];
}

/** Go's %v of a JSON scalar. */
const goValue = (v: unknown) => (v === null ? '<nil>' : String(v));

export function jsonPathWait(input: string): { check: (o: KObject) => boolean | string } | { error: string } {
  const parts = split(input);
  if (parts.length < 1 || parts.length > 2) return { error: FORMAT };
  let path = '';
  if (parts[0]) {
    const m = RELAXED.exec(parts[0]);
    if (!m) return { error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'" };
    path = `.${m[1] || m[2]}`;
  }
  const value = parts.length === 2 ? parts[1]!.replace(/^['"]+|['"]+$/g, '') : undefined;
  if (value === '') return { error: "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3" };
  // newJSONPathParser: an empty expression is refused.
  if (!path) return { error: 'jsonpath expression cannot be empty' };
  return {
    check: (o) => {
      let found: unknown[];
      try {
        found = evalPath(o, path).filter((v) => v !== undefined);
      } catch (e) {
        if (e instanceof JsonPathError) return false;
        throw e;
      }
      if (!found.length) return false;
      if (found.length > 1) return 'given jsonpath expression matches more than one value';
      if (value === undefined) return true;
      const v = found[0];
      if (typeof v === 'object' && v !== null) return 'jsonpath leads to a nested object or list which is not supported';
      return goValue(v).trim() === value.trim();
    },
  };
}
