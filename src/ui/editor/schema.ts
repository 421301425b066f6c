/**
 * The Kubernetes JSON schema the YAML worker validates against (generated at build time,
 * served as JSON). Fetched once, without Monaco: opening a manifest exercise starts this
 * fetch beside Monaco's chunk instead of after it (issue #14: first markers soon after the click).
 */
/** Where the build writes it (public/ or the Astro integration that generates it). */
export const SCHEMA_URL = '/schemas/kubernetes.json';

let pending: Promise<Record<string, unknown>> | null = null;

export function kubernetesSchema(url: string): Promise<Record<string, unknown>> {
  pending ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    return r.json() as Promise<Record<string, unknown>>;
  });
  // A failed fetch is tried again at the next opening.
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
