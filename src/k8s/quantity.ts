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

const DECIMAL_SUFFIXES: [number, string][] = [
  [18, 'E'],
  [15, 'P'],
  [12, 'T'],
  [9, 'G'],
  [6, 'M'],
  [3, 'k'],
  [0, ''],
  [-3, 'm'],
  [-6, 'u'],
  [-9, 'n'],
];
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * resource.Quantity's String() (k8s.io/apimachinery@v0.30.5 pkg/api/resource/quantity.go CanonicalizeBytes), checked
 * against kubectl v1.30.13: a decimal value takes the largest SI suffix that leaves an integer (`0.5` → `500m`, `2000`
 * → `2k`, `1500` stays), rounded up to nanos; a binary one under 1024 or not a whole number of bytes is printed as a
 * decimal (`0.5Ki` → `512`), else with the largest power of 1024 that divides it (`1024Mi` → `1Gi`, `0.5Gi` → `512Mi`).
 * Exponent forms (`1e3`) are returned as written.
 */
export function canonicalQuantity(text: string): string {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(text.trim());
  if (!m || (!m[2] && !m[3])) return text;
  const [, sign, int = '', frac = '', suffix = ''] = m;
  // The value in nanounits (decimal) or in bytes scaled by 10^frac.length (binary), as a BigInt.
  const digits = BigInt(`${int || '0'}${frac}`);
  const scale = 10n ** BigInt(frac.length);
  const neg = sign === '-' && digits !== 0n;
  const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
  const decimal = (nanos: bigint): string => {
    if (nanos === 0n) return '0';
    for (const [exp, s] of DECIMAL_SUFFIXES) {
      const unit = 10n ** BigInt(exp + 9);
      if (nanos % unit === 0n) return `${neg ? '-' : ''}${nanos / unit}${s}`;
    }
    return `${neg ? '-' : ''}${nanos}n`;
  };
  const bin = BINARY_SUFFIXES.indexOf(suffix);
  if (suffix && bin > 0) {
    const scaled = digits * 1024n ** BigInt(bin);
    if (scaled % scale !== 0n || scaled / scale < 1024n) return decimal(ceilDiv(scaled * 10n ** 9n, scale));
    let bytes = scaled / scale;
    let k = 0;
    while (k < 6 && bytes % 1024n === 0n) {
      bytes /= 1024n;
      k++;
    }
    return `${neg ? '-' : ''}${bytes}${BINARY_SUFFIXES[k]}`;
  }
  const exp = DECIMAL_SUFFIXES.find(([, s]) => s === suffix)![0];
  const nanosScaled = digits * 10n ** BigInt(exp + 9);
  return decimal(ceilDiv(nanosScaled, scale));
}
