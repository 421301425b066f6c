/**
 * The kubelet's copies of its pods (ApiServer.pods). The kubelet only reads them, and every write to a stored object
 * either replaces it or gives it a new resourceVersion (index.ts), so a pod is copied again only when its
 * resourceVersion moved: a sync with nothing new (each `kubectl get`) copies nothing, and no copy is shared with the store.
 */
import type { KObject } from '../types.ts';

export class Copies {
  private readonly made = new WeakMap<KObject, { rv: string | undefined; copy: KObject }>();

  /** The copy of a stored object made at its current resourceVersion. */
  of(o: KObject): KObject {
    const rv = o.metadata.resourceVersion;
    const hit = this.made.get(o);
    if (hit && hit.rv === rv) return hit.copy;
    const copy = structuredClone(o);
    this.made.set(o, { rv, copy });
    return copy;
  }
}
