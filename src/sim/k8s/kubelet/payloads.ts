/**
 * What the kubelet's data volume plugins write (kubernetes@v1.30.5 pkg/volume/configmap/configmap.go and
 * pkg/volume/secret/secret.go MakePayload, pkg/volume/downwardapi/downwardapi.go CollectData, pkg/volume/projected/
 * projected.go collectData), before the atomic writer lays it out (volumes.ts):
 * - downwardAPI items: fieldRef values as fieldpath.ExtractFieldPathAsString gives them (labels and annotations as
 *   `k="v"` lines), no newline added; resourceFieldRef items are not simulated (left out);
 * - projected: each source in order, the files of all joined; a ConfigMap or Secret source is MakePayload with the
 *   source's name, items and optional, the volume's defaultMode; the errors of all sources aggregated (one: its text);
 * - serviceAccountToken: the kubelet's token manager asks the API server's TokenRequest for a token bound to the pod
 *   (pkg/kubelet/token/token_manager.go); the API server signs a JWT whose claims are pkg/serviceaccount/claims.go's:
 *   aud (the API server's issuer), exp extended to a year (ExpirationExtensionSeconds, --service-account-extend-token-
 *   expiration), iat, iss, jti (ServiceAccountTokenJTI, beta in 1.30), kubernetes.io {namespace, node
 *   (ServiceAccountTokenPodNodeInfo, beta), pod, serviceaccount, warnafter: iat + the requested seconds}, nbf, sub;
 *   go-jose normalizes the claims through a map, so every key is sorted. The token manager keeps the token (it refreshes
 *   one at 80% of its TTL or after 24 h: requiresRefresh, which an extended token does not reach within a year). The signature is RS256's 256 bytes: node1 has
 *   no key, so they are the simulator's random bytes (as is the key id), which no API server would accept.
 */
import { fromBase64 } from '../apiserver/configdata.ts';
import type { Rng } from '../../rng.ts';
import type { KObject, KubeletApiClient } from '../types.ts';

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
export type Files = { path: string; content: string; mode: number }[];

/** MakePayload: the files of one volume, or the plugin's error. */
export function payload(kind: 'ConfigMap' | 'Secret', obj: KObject | undefined, src: Obj): Files | string {
  const optional = src.optional === true;
  const defaultMode = typeof src.defaultMode === 'number' ? src.defaultMode : 0o644;
  if (!obj) return optional ? [] : `${kind === 'Secret' ? 'secret' : 'configmap'} "${String(kind === 'Secret' ? src.secretName : src.name)}" not found`;
  const values = new Map<string, string>();
  if (kind === 'ConfigMap') {
    for (const [k, v] of Object.entries(isObj(obj.data) ? obj.data : {})) values.set(k, String(v));
    for (const [k, v] of Object.entries(isObj(obj.binaryData) ? obj.binaryData : {})) values.set(k, fromBase64(String(v)) ?? '');
  } else for (const [k, v] of Object.entries(isObj(obj.data) ? obj.data : {})) values.set(k, fromBase64(String(v)) ?? '');
  const items = Array.isArray(src.items) ? (src.items as unknown[]).filter(isObj) : [];
  if (!items.length) return [...values].map(([k, content]) => ({ path: k, content, mode: defaultMode }));
  const files: Files = [];
  for (const it of items) {
    const key = String(it.key);
    if (!values.has(key)) {
      if (optional) continue;
      return kind === 'Secret' ? `references non-existent secret key: ${key}` : `configmap references non-existent config key: ${key}`;
    }
    files.push({ path: String(it.path), content: values.get(key)!, mode: typeof it.mode === 'number' ? it.mode : defaultMode });
  }
  return files;
}

/** fieldpath.FormatMap: `k="v"` lines, sorted by key. */
const formatMap = (m: Record<string, string> | undefined) =>
  Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');

/** fieldpath.ExtractFieldPathAsString (the paths a downward API volume accepts). */
function fieldPathValue(pod: KObject, path: string): string | undefined {
  const sub = /^metadata\.(labels|annotations)\['([^']*)'\]$/.exec(path);
  if (sub) return pod.metadata[sub[1] as 'labels']?.[sub[2]!] ?? '';
  if (path === 'metadata.name') return pod.metadata.name;
  if (path === 'metadata.namespace') return pod.metadata.namespace ?? 'default';
  if (path === 'metadata.uid') return pod.metadata.uid;
  if (path === 'metadata.labels') return formatMap(pod.metadata.labels);
  if (path === 'metadata.annotations') return formatMap(pod.metadata.annotations);
  return undefined;
}

/** downwardapi.go CollectData: one file per item with a fieldRef, its mode or the default. */
export function downwardFiles(pod: KObject, src: Obj, defaultMode: number): Files {
  const files: Files = [];
  for (const it of (Array.isArray(src.items) ? src.items : []).filter(isObj)) {
    const value = isObj(it.fieldRef) ? fieldPathValue(pod, String(it.fieldRef.fieldPath)) : undefined;
    if (value !== undefined) files.push({ path: String(it.path), content: value, mode: typeof it.mode === 'number' ? it.mode : defaultMode });
  }
  return files;
}

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const enc = (text: string) => b64url(new TextEncoder().encode(text));
const randomBytes = (rng: Rng, n: number) => Uint8Array.from({ length: n }, () => rng.int(256));
const ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** serviceaccount.ExpirationExtensionSeconds: 24 * 365 * 60 * 60. */
const EXTENSION_S = 31_536_000;

/** A TokenRequest's token for the pod's ServiceAccount, as the API server would shape it (see above). */
export function podToken(api: KubeletApiClient, pod: KObject, src: Obj, nowMs: number, rng: Rng, kid: string): string {
  const seconds = Number(src.expirationSeconds ?? 3600);
  // token.go (the TokenRequest REST): the kubelet's own 3607 s for the API server's audience is extended to a year and
  // warned after its 3607 s; any other request gets what it asked.
  const extended = seconds === 3607 && (src.audience === undefined || src.audience === ISSUER);
  const ns = pod.metadata.namespace ?? 'default';
  const saName = String((pod.spec as Obj | undefined)?.serviceAccountName ?? 'default');
  const sa = api.configObject?.('ServiceAccount', ns, saName);
  const nodeName = String((pod.spec as Obj | undefined)?.nodeName ?? '');
  const node = api.configObject?.('Node', '', nodeName);
  const iat = Math.floor(nowMs / 1000);
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(16)]).join('');
  const jti = `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`;
  const claims = {
    aud: [typeof src.audience === 'string' && src.audience ? src.audience : ISSUER],
    exp: iat + (extended ? EXTENSION_S : seconds),
    iat,
    iss: ISSUER,
    jti,
    'kubernetes.io': {
      namespace: ns,
      node: { name: nodeName, uid: node?.metadata.uid ?? '' },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid },
      serviceaccount: { name: saName, uid: sa?.metadata.uid ?? '' },
      ...(extended ? { warnafter: iat + seconds } : {}),
    },
    nbf: iat,
    sub: `system:serviceaccount:${ns}:${saName}`,
  };
  return `${enc(JSON.stringify({ alg: 'RS256', kid }))}.${enc(JSON.stringify(claims))}.${b64url(randomBytes(rng, 256))}`;
}

/** The simulated signing key's id (a SHA-256's 43 base64url characters, random here). */
export const keyId = (rng: Rng): string => b64url(randomBytes(rng, 32));

/** projected.go collectData: the sources' files in order, or their errors aggregated. */
export function projectedFiles(api: KubeletApiClient, pod: KObject, src: Obj, token: (source: Obj) => string, fsGroup: boolean): Files | string {
  const ns = pod.metadata.namespace ?? 'default';
  const defaultMode = typeof src.defaultMode === 'number' ? src.defaultMode : 0o644;
  const files: Files = [];
  const errs: string[] = [];
  for (const s of (Array.isArray(src.sources) ? src.sources : []).filter(isObj)) {
    const kind = isObj(s.configMap) ? 'ConfigMap' : isObj(s.secret) ? 'Secret' : undefined;
    if (kind) {
      const ref = (kind === 'ConfigMap' ? s.configMap : s.secret) as Obj;
      const got = payload(kind, api.configObject?.(kind, ns, String(ref.name)), { ...ref, secretName: ref.name, defaultMode });
      if (typeof got === 'string') errs.push(got);
      else files.push(...got);
    } else if (isObj(s.downwardAPI)) files.push(...downwardFiles(pod, s.downwardAPI, defaultMode));
    // A token is 0600 when the pod has an fsGroup (or fsUser), so that SetVolumeOwnership makes it 0640, not world-readable.
    else if (isObj(s.serviceAccountToken))
      files.push({ path: String(s.serviceAccountToken.path), content: token(s.serviceAccountToken), mode: fsGroup ? 0o600 : defaultMode });
  }
  // utilerrors.NewAggregate: one error is its own text, more are `[a, b]`.
  if (errs.length) return errs.length === 1 ? errs[0]! : `[${errs.join(', ')}]`;
  return files;
}
