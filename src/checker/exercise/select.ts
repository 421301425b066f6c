/**
 * A small selector over plain objects for exercise checks:
 *   spec.containers[*].image        every container's image
 *   spec.containers[name=app].env   the env of container "app"
 *   spec.containers[0].ports
 * Returns every value reached (missing branches yield nothing).
 */
import { asText } from '../templates/helpers.ts';
import { isPlainObject } from '../parse/yaml.ts';

type Step = { key: string } | { index: number } | { all: true } | { where: [string, string] };

export function parseSelector(sel: string): Step[] {
  const steps: Step[] = [];
  const re = /([^.[\]]+)|\[(\*|\d+|[\w.-]+=[^\]]*)\]/g;
  for (const m of sel.matchAll(re)) {
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] === '*') steps.push({ all: true });
    else if (/^\d+$/.test(m[2]!)) steps.push({ index: Number(m[2]) });
    else {
      const eq = m[2]!.indexOf('=');
      steps.push({ where: [m[2]!.slice(0, eq), m[2]!.slice(eq + 1)] });
    }
  }
  return steps;
}

export function select(root: unknown, sel: string): unknown[] {
  let current: unknown[] = [root];
  for (const step of parseSelector(sel)) {
    const next: unknown[] = [];
    for (const v of current) {
      if ('key' in step) {
        if (isPlainObject(v) && Object.hasOwn(v, step.key) && v[step.key] !== undefined) next.push(v[step.key]);
      } else if (!Array.isArray(v)) {
        // a scalar or a mapping: the remaining steps select only from lists
      } else if ('index' in step) {
        if (v[step.index] !== undefined) next.push(v[step.index]);
      } else if ('all' in step) {
        next.push(...v);
      } else {
        const [k, want] = step.where;
        next.push(...v.filter((x) => isPlainObject(x) && asText(Object.hasOwn(x, k) ? x[k] : undefined) === want));
      }
    }
    current = next;
  }
  return current;
}
