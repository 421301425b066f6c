/**
 * Kubernetes resource quantities (k8s.io/apimachinery resource.Quantity):
 * `128Mi` = 134217728 bytes, `128M` = 128000000, `500m` = 0.5.
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const re = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

export interface Quantity {
  value: number;
  suffix: string;
}

export function parseQuantity(v: unknown): Quantity | null {
  if (typeof v === 'number' && Number.isFinite(v)) return { value: v, suffix: '' };
  if (typeof v !== 'string') return null;
  const m = re.exec(v.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (m[3] !== undefined) return { value: n * 10 ** Number(m[3]), suffix: 'e' };
  const suffix = m[2] ?? '';
  const factor = BINARY[suffix] ?? DECIMAL[suffix]!;
  return { value: n * factor, suffix };
}
