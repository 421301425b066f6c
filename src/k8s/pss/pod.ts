/**
 * Typed reads of a pod's metadata and spec from plain decoded YAML/JSON, with Go's
 * zero-value semantics: a field of the wrong type reads as unset, as it would after
 * the API server's strict decoding rejected it. Lookups never touch the prototype.
 */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property, never an inherited one (`constructor`, `__proto__`, `toString`). */
export const own = (o: unknown, key: string): unknown => (isObj(o) && Object.hasOwn(o, key) ? o[key] : undefined);

export const obj = (o: unknown, key: string): Obj | undefined => {
  const v = own(o, key);
  return isObj(v) ? v : undefined;
};

export const str = (o: unknown, key: string): string => {
  const v = own(o, key);
  return typeof v === 'string' ? v : '';
};

/** A `*bool`: undefined when unset or not a boolean. */
export const bool = (o: unknown, key: string): boolean | undefined => {
  const v = own(o, key);
  return typeof v === 'boolean' ? v : undefined;
};

/** A `*int64`: undefined when unset or not an integer. */
export const int = (o: unknown, key: string): number | undefined => {
  const v = own(o, key);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
};

export const list = (o: unknown, key: string): unknown[] => {
  const v = own(o, key);
  return Array.isArray(v) ? v : [];
};

/**
 * A scalar as text; anything else (a mapping or list where a string belongs, which the API
 * server's decoder refuses) is ''. `String()` is not used on objects: `{toString: null}` throws.
 */
const scalarText = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : '';

export const strings = (o: unknown, key: string): string[] => list(o, key).map(scalarText);

/** A container as PSA visits it: init containers, then containers, then ephemeral containers. */
export interface Container {
  name: string;
  spec: Obj;
  securityContext: Obj | undefined;
}

// kubernetes/pod-security-admission policy/visitor.go visitContainers
export function containers(podSpec: Obj): Container[] {
  const out: Container[] = [];
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of list(podSpec, key)) {
      if (!isObj(c)) continue;
      out.push({ name: str(c, 'name'), spec: c, securityContext: obj(c, 'securityContext') });
    }
  }
  return out;
}

/** Pod metadata annotations as an own-key map (string values only). */
export function annotations(podMeta: Obj): Map<string, string> {
  const a = obj(podMeta, 'annotations');
  const out = new Map<string, string>();
  if (a) for (const k of Object.keys(a)) out.set(k, scalarText(a[k]));
  return out;
}

/** `spec.os.name == "windows"`. */
export const isWindows = (podSpec: Obj): boolean => str(obj(podSpec, 'os'), 'name') === 'windows';

// policy/helpers.go relaxPolicyForUserNamespacePod: hostUsers set and false.
export const userNamespacePod = (podSpec: Obj): boolean => bool(podSpec, 'hostUsers') === false;

// policy/helpers.go joinQuote and pluralize.
export const joinQuote = (items: string[]): string => (items.length ? `"${items.join('", "')}"` : '');
export const pluralize = (singular: string, plural: string, count: number): string => (count === 1 ? singular : plural);

/** k8s.io/apimachinery sets.String.List(): sorted, unique. */
export const sortedSet = (items: Iterable<string>): string[] => [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const GO_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** Go's `%q` (strconv.Quote): C escapes, `\xNN` for other control bytes, printable text kept. */
export const goQuote = (s: string): string =>
  `"${s.replace(/[\x00-\x1f\x7f"\\]/g, (c) => GO_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}"`;
