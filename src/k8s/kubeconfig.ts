/**
 * kubeconfig files as kubectl v1.30 reads, merges and writes them (k8s.io/client-go@v0.30.5:tools/clientcmd). Pure: the
 * caller reads the files and writes what `modified` returns; nothing here touches a filesystem. Here rather than in
 * src/sim because a kubeconfig is a client's data, as a manifest is: no simulated world is needed to read one, and a
 * test can check the merge rules alone.
 * - loader.go Load: each file of the precedence list (KUBECONFIG's, else ~/.kube/config; --kubeconfig alone when given)
 *   is read; a missing one is skipped; the first file to name a cluster, context or user wins (its whole entry: "if two
 *   files specify a red-user, only values from the first file's red-user are used"), and the first non-empty
 *   current-context wins (the non-map fields are merged in reverse order).
 * - latest.Codec / v1 types.go: a file is YAML (sigs.k8s.io/yaml: YAML to JSON); unknown fields are dropped; what is
 *   written is the v1 Config with its fields' JSON names, every entry list sorted by name (v1/conversion.go).
 */
import { parseDocument } from 'yaml';

export type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One named entry and the file it came from (clientcmdapi's LocationOfOrigin: where a change to it is written). */
export interface Entry {
  value: Obj;
  origin: string;
}

export type Stanza = 'clusters' | 'contexts' | 'users';

export interface KubeConfig {
  clusters: Record<string, Entry>;
  contexts: Record<string, Entry>;
  users: Record<string, Entry>;
  currentContext: string;
  preferences: Obj;
}

/** Each stanza's list key in the file and its entries' value key (v1 types.go NamedCluster, NamedContext, NamedAuthInfo). */
export const STANZAS: Record<Stanza, { item: string; fields: string[]; required: string[] }> = {
  // v1 types.go field order (the order -o json prints); only server (Cluster) and cluster, user (Context) lack omitempty.
  clusters: {
    item: 'cluster',
    fields: [
      'server',
      'tls-server-name',
      'insecure-skip-tls-verify',
      'certificate-authority',
      'certificate-authority-data',
      'proxy-url',
      'disable-compression',
      'extensions',
    ],
    required: ['server'],
  },
  contexts: { item: 'context', fields: ['cluster', 'user', 'namespace', 'extensions'], required: ['cluster', 'user'] },
  users: {
    item: 'user',
    fields: [
      'client-certificate',
      'client-certificate-data',
      'client-key',
      'client-key-data',
      'token',
      'tokenFile',
      'as',
      'as-uid',
      'as-groups',
      'as-user-extra',
      'username',
      'password',
      'auth-provider',
      'exec',
      'extensions',
    ],
    required: [],
  },
};

export const emptyConfig = (): KubeConfig => ({ clusters: {}, contexts: {}, users: {}, currentContext: '', preferences: {} });

/** A value as the v1 struct keeps it: its known fields in declaration order, the zero values of omitempty ones dropped. */
function normalize(stanza: Stanza, v: unknown): Obj {
  const o = isObj(v) ? v : {};
  const { fields, required } = STANZAS[stanza];
  const out: Obj = {};
  for (const f of fields) {
    const x = o[f];
    const empty = x === undefined || x === null || x === '' || x === false || (Array.isArray(x) && x.length === 0);
    if (!empty) out[f] = x;
    else if (required.includes(f)) out[f] = '';
  }
  return out;
}

/** encoding/json's name for a value's JSON type in an UnmarshalTypeError. */
const jsonKind = (x: unknown) =>
  Array.isArray(x) ? 'array' : isObj(x) ? 'object' : typeof x === 'string' ? 'string' : typeof x === 'boolean' ? 'bool' : 'number';

/**
 * clientcmd.Load: an empty file is an empty Config; YAML that does not parse or is not a mapping is an error in
 * kubectl's words (the YAML parser's own message stands where go-yaml's would: the `yaml` package is not go-yaml).
 */
export function parseKubeconfig(text: string, origin: string): KubeConfig | { error: string } {
  return structuredClone(parsedOnce(text, origin));
}

/**
 * kubectl reads its kubeconfig on every run: the same text is parsed once, and kept frozen (mergeKubeconfigs shares
 * its entries; parseKubeconfig hands out a copy, which the config subcommands change).
 */
function parsedOnce(text: string, origin: string): Readonly<KubeConfig | { error: string }> {
  const key = `${origin}\0${text}`;
  let parsed = parsedConfigs.get(key);
  if (!parsed) {
    parsed = deepFreeze(parseText(text, origin));
    if (parsedConfigs.size >= 16) parsedConfigs.clear();
    parsedConfigs.set(key, parsed);
  }
  return parsed;
}

const parsedConfigs = new Map<string, KubeConfig | { error: string }>();

function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

function parseText(text: string, origin: string): KubeConfig | { error: string } {
  const cfg = emptyConfig();
  if (text.trim() === '') return cfg;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? 1;
    const msg = err.message
      .split('\n')[0]!
      .replace(/ at line \d+, column \d+:?$/, '')
      .toLowerCase();
    return { error: `yaml: line ${line}: ${msg}` };
  }
  const v = doc.toJS() as unknown;
  if (v === null || v === undefined) return cfg;
  if (!isObj(v)) {
    // runtime.Decode's version/kind probe (k8s.io/apimachinery@v0.30.5:pkg/runtime/serializer/json/meta.go SimpleMetaFactory).
    return {
      error: `couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(v)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`,
    };
  }
  // encoding/json's UnmarshalTypeError for a top-level field of the wrong type (checked against kubectl v1.30.13).
  const typeError = (x: unknown, field: string, type: string) =>
    ({ error: `json: cannot unmarshal ${jsonKind(x)} into Go struct field Config.${field} of type ${type}` }) as const;
  const cc = v['current-context'];
  if (cc !== undefined && cc !== null && typeof cc !== 'string') return typeError(cc, 'current-context', 'string');
  if (v.preferences !== undefined && v.preferences !== null && !isObj(v.preferences)) return typeError(v.preferences, 'preferences', 'v1.Preferences');
  for (const stanza of ['clusters', 'contexts', 'users'] as const) {
    const list = v[stanza];
    const type = `v1.Named${stanza === 'clusters' ? 'Cluster' : stanza === 'contexts' ? 'Context' : 'AuthInfo'}`;
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) return typeError(list, stanza, `[]${type}`);
    for (const item of list) {
      if (item !== null && !isObj(item)) return typeError(item, stanza, type);
      if (!isObj(item) || typeof item.name !== 'string') continue;
      cfg[stanza][item.name] = { value: normalize(stanza, item[STANZAS[stanza].item]), origin };
    }
  }
  if (typeof v['current-context'] === 'string') cfg.currentContext = v['current-context'];
  if (isObj(v.preferences)) cfg.preferences = v.preferences;
  return cfg;
}

/** Where kubectl looks: `--kubeconfig` alone, else $KUBECONFIG's list (empty names dropped, duplicates once), else ~/.kube/config. */
export interface Access {
  explicit?: string;
  precedence: string[];
  /** Whether the list came from $KUBECONFIG (PathOptions.GetEnvVarFiles). */
  fromEnv: boolean;
}

export function accessOf(explicit: string | undefined, kubeconfigEnv: string | undefined, home: string): Access {
  if (explicit) return { explicit, precedence: [explicit], fromEnv: false };
  // loader.go NewDefaultClientConfigLoadingRules: filepath.SplitList, then deduplicate.
  if (kubeconfigEnv) return { precedence: [...new Set(kubeconfigEnv.split(':').filter((p) => p !== ''))], fromEnv: true };
  return { precedence: [`${home.replace(/\/+$/, '')}/.kube/config`], fromEnv: false };
}

/** One file of the list as the caller read it: its text, or undefined when it does not exist. */
export interface FileRead {
  path: string;
  text: string | undefined;
}

/**
 * loader.go Load over the files read: the merged Config, or the first file's load error
 * (`error loading config file "F": …`, aggregated as kubectl prints a one-error aggregate).
 */
export function mergeKubeconfigs(files: FileRead[]): KubeConfig | { error: string } {
  const merged = emptyConfig();
  let current = '';
  for (const f of files) {
    if (f.text === undefined) continue;
    const c = parsedOnce(f.text, f.path);
    if ('error' in c) return { error: `error loading config file "${f.path}": ${c.error}` };
    for (const stanza of ['clusters', 'contexts', 'users'] as const)
      for (const [name, e] of Object.entries(c[stanza])) if (!Object.hasOwn(merged[stanza], name)) merged[stanza][name] = e;
    if (!current && c.currentContext) current = c.currentContext;
    if (Object.keys(merged.preferences).length === 0) merged.preferences = c.preferences;
  }
  merged.currentContext = current;
  return merged;
}

/** PathOptions.GetDefaultFilename: the explicit file; the only $KUBECONFIG file, or its first that exists, or its last; ~/.kube/config. */
export function defaultFilename(access: Access, exists: (path: string) => boolean): string {
  if (access.explicit) return access.explicit;
  const list = access.precedence;
  if (!access.fromEnv || list.length === 1) return list[0]!;
  return list.find(exists) ?? list[list.length - 1]!;
}

/** The v1 Config kubectl prints and writes (struct order; an empty list is `null`, as a nil slice marshals). */
export function toV1(cfg: KubeConfig): Obj {
  const list = (stanza: Stanza) => {
    const names = Object.keys(cfg[stanza]).sort();
    if (!names.length) return null;
    return names.map((name) => ({ name, [STANZAS[stanza].item]: cfg[stanza][name]!.value }));
  };
  return {
    kind: 'Config',
    apiVersion: 'v1',
    preferences: cfg.preferences,
    clusters: list('clusters'),
    users: list('users'),
    contexts: list('contexts'),
    'current-context': cfg.currentContext,
  };
}

/**
 * The files a change writes (config.go ModifyConfig): a changed, new or deleted entry goes to the file it came from
 * (a new one to the default file); a changed current-context to the explicit file, else (when set) the default file,
 * else (when cleared) the first file that sets one. Each file is re-read (`read`), changed and written whole.
 */
export function modified(
  access: Access,
  before: KubeConfig,
  after: KubeConfig,
  read: (path: string) => KubeConfig,
  exists: (path: string) => boolean,
): Map<string, KubeConfig> {
  const files = new Map<string, KubeConfig>();
  const file = (path: string) => {
    let c = files.get(path);
    if (!c) files.set(path, (c = read(path)));
    return c;
  };
  const def = defaultFilename(access, exists);
  if (before.currentContext !== after.currentContext) {
    if (access.explicit || after.currentContext) file(def).currentContext = after.currentContext;
    else {
      const at = access.precedence.find((p) => exists(p) && read(p).currentContext);
      if (at) file(at).currentContext = '';
    }
  }
  for (const stanza of ['clusters', 'contexts', 'users'] as const) {
    for (const [name, e] of Object.entries(after[stanza])) {
      const old = before[stanza][name];
      if (old && JSON.stringify(old.value) === JSON.stringify(e.value)) continue;
      const dest = e.origin || def;
      file(dest)[stanza][name] = { value: e.value, origin: dest };
    }
    for (const [name, e] of Object.entries(before[stanza])) if (!Object.hasOwn(after[stanza], name)) delete file(e.origin || def)[stanza][name];
  }
  return files;
}

/** The global flags that override the kubeconfig (clientcmd overrides.go: --context, --cluster, --user, -n). */
export interface Overrides {
  context?: string;
  cluster?: string;
  user?: string;
  namespace?: string;
}

/** Where kubectl would send its requests, or the configuration error it prints instead. */
export type Target =
  | { ok: true; server: string; cluster?: Obj; user?: Obj; userName: string; namespace: string; contextName: string }
  | { ok: false; error: string };

/**
 * DirectClientConfig (client_config.go) over the merged Config and the flags: the context (--context, else
 * current-context), its cluster and user (or the flags'), the namespace (-n, else the context's, else "default"). A
 * context or user that is named and absent is validation.go's error; no context at all is the empty config, whose
 * server is http://localhost:8080 (client_config.go getDefaultServer).
 */
export function resolveTarget(cfg: KubeConfig, o: Overrides): Target {
  const contextName = o.context || cfg.currentContext;
  const ctx = contextName ? cfg.contexts[contextName]?.value : undefined;
  // validation.go validateContext / ConfirmUsable: kubectl prints the one error as `Error in configuration: …` (helpers.go).
  if (contextName && !ctx) return { ok: false, error: `Error in configuration: context was not found for specified context: ${contextName}\n` };
  const userName = o.user || String(ctx?.user ?? '');
  if (o.user && !cfg.users[o.user]) return { ok: false, error: `error: auth info "${o.user}" does not exist\n` };
  const clusterName = o.cluster || String(ctx?.cluster ?? '');
  if (o.cluster && !cfg.clusters[o.cluster]) return { ok: false, error: `error: no server found for cluster "${o.cluster}"\n` };
  const cluster = clusterName ? cfg.clusters[clusterName]?.value : undefined;
  const namespace = o.namespace || String(ctx?.namespace ?? '') || 'default';
  const server = typeof cluster?.server === 'string' && cluster.server ? cluster.server : 'http://localhost:8080';
  const user = userName ? cfg.users[userName]?.value : undefined;
  return { ok: true, server, ...(cluster ? { cluster } : {}), ...(user ? { user } : {}), userName, namespace, contextName };
}

/**
 * What `config view` prints without --raw (v1.30 api/helpers.go RedactSecrets then ShortenConfig): token and password
 * become REDACTED, certificate and key data DATA+OMITTED.
 */
export function redacted(cfg: KubeConfig): KubeConfig {
  const c = structuredClone(cfg);
  for (const e of Object.values(c.clusters)) if (e.value['certificate-authority-data']) e.value['certificate-authority-data'] = 'DATA+OMITTED';
  for (const e of Object.values(c.users)) {
    for (const f of ['token', 'password']) if (e.value[f]) e.value[f] = 'REDACTED';
    for (const f of ['client-certificate-data', 'client-key-data']) if (e.value[f]) e.value[f] = 'DATA+OMITTED';
  }
  return c;
}

/** api/helpers.go MinifyConfig: the current context and its cluster and user alone. */
export function minified(cfg: KubeConfig): KubeConfig | { error: string } {
  const name = cfg.currentContext;
  if (!name) return { error: 'current-context must exist in order to minify' };
  const ctx = cfg.contexts[name];
  if (!ctx) return { error: `cannot locate context ${name}` };
  const out: KubeConfig = { ...emptyConfig(), currentContext: name, preferences: cfg.preferences, contexts: { [name]: ctx } };
  const cl = String(ctx.value.cluster ?? '');
  if (cl) {
    if (!cfg.clusters[cl]) return { error: `cannot locate cluster ${cl}` };
    out.clusters[cl] = cfg.clusters[cl];
  }
  const us = String(ctx.value.user ?? '');
  if (us) {
    if (!cfg.users[us]) return { error: `cannot locate user ${us}` };
    out.users[us] = cfg.users[us];
  }
  return out;
}
