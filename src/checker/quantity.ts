/**
 * Kubernetes quantities live in src/k8s (shared with the simulated kubelet). The checker
 * reads the same few strings (`100m`, `64Mi`) on every container of every file: each
 * string is parsed once (a bounded cache of short strings; the results are frozen and
 * shared, and callers only read them).
 */
import { parseQuantity as parse, type Quantity } from '../k8s/quantity.ts';

const known = new Map<string, Readonly<Quantity> | null>();

export function parseQuantity(v: unknown): Readonly<Quantity> | null {
  if (typeof v !== 'string' || v.length > 64) return parse(v);
  let q = known.get(v);
  if (q === undefined) {
    const parsed = parse(v);
    q = parsed && Object.freeze(parsed);
    if (known.size >= 1024) known.clear();
    known.set(v, q);
  }
  return q;
}
