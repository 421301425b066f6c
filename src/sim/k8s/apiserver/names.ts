/** Generated names and hashes (staging/src/k8s.io/apimachinery/pkg/util/rand/rand.go, pkg/controller/controller_utils.go ComputeHash). */

/** rand.go's alphabet: no vowels, no 0/1/3 (no words, no look-alikes). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.String(n) for generateName suffixes (`web-7c5ddbdf54-x8k2p`). */
export const randomSuffix = (int: (n: number) => number, n = 5): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHANUMS[int(ALPHANUMS.length)];
  return s;
};

/** rand.SafeEncodeString: each character of the decimal hash mapped into the alphabet. */
export const safeEncode = (s: string): string => [...s].map((c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join('');

/** FNV-1a 32-bit, as ComputeHash feeds it (over a stable serialisation of the pod template). */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const stable = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(stable).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

/** pod-template-hash: SafeEncodeString of the FNV-32a hash of the template (and the collision count, when set). */
export const templateHash = (template: unknown, collisionCount?: number): string =>
  safeEncode(String(fnv32a(stable(template) + (collisionCount ? String(collisionCount) : ''))));

/** A v4 UUID from the simulator's seeded random numbers. */
export function uuid(hex: (n: number) => string): string {
  const h = hex(32);
  const variant = '89ab'[parseInt(h[16]!, 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
