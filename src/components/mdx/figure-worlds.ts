/**
 * Build-time simulator states for <Figure/>: each state runs once per build (both
 * locales and every figure that names it share the snapshot).
 */
import type { WorldSnapshot } from '../../sim/api.ts';
import { worldFor } from '../../sim/picture/states.ts';

const cache = new Map<string, Promise<WorldSnapshot>>();

export function figureWorld(state: string): Promise<WorldSnapshot> {
  let p = cache.get(state);
  if (!p) {
    p = worldFor(state).then((w) => w.snapshot());
    cache.set(state, p);
  }
  return p;
}
