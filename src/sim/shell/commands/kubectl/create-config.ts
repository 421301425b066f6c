/**
 * kubectl create configmap|cm and create secret generic, as kubernetes/kubectl@v0.30.5 builds and sends them
 * (pkg/cmd/create/create_configmap.go, create_secret.go; pkg/util/util.go ParseFileSource/ParseLiteralSource;
 * pkg/cmd/util/env_file.go AddFromEnvFile):
 * - --from-literal=KEY=VALUE (a string array: every word is one pair), --from-file=[KEY=]PATH (a string slice: commas
 *   split it; a directory adds its regular files under their names), --from-env-file=PATH (KEY=VALUE lines, `#`
 *   comments, a KEY alone takes the value of kubectl's own environment);
 * - the order the sources are read: a ConfigMap's files, literals, env files; a Secret's literals, files, env files;
 * - their errors word for word, the server's refusal wrapped as `failed to create configmap: …` and (no colon in
 *   v0.30.5) `failed to create secret …`; a Secret's values are sent base64 (its []byte), its --type as given.
 * --append-hash (hash.ConfigMapHash / SecretHash) is not built and says so.
 */
import type { ExecResult } from '../../../api.ts';
import { configKeyErrors, envNameErrors, toBase64 } from '../../../k8s/apiserver/configdata.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { CREATE_FLAGS, dryRunOf, namespaceOf, out, parse, warnFirst, nameFromCommandArgs } from './common.ts';
import { badFormat, createdPrinter, parseFormat } from './output.ts';
import { annotationsOf, withLastApplied } from './save-config.ts';

const FLAGS = [
  { long: 'from-file', type: 'list' as const },
  { long: 'from-literal', type: 'list' as const },
  { long: 'from-env-file', type: 'list' as const },
  { long: 'append-hash', type: 'bool' as const },
  { long: 'type', type: 'string' as const },
  ...CREATE_FLAGS,
];

type Kind = 'ConfigMap' | 'Secret';

/** Reads the sources into `data`; a message (kubectl's error) when one is refused. */
export async function readSources(
  env: CmdEnv,
  kind: Kind,
  name: string,
  f: Record<string, unknown>,
  data: Record<string, string>,
): Promise<string | undefined> {
  const add = (key: string, value: string): string | undefined => {
    if (kind === 'Secret') {
      const errs = configKeyErrors(key);
      if (errs.length) return `${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`;
      if (key in data) return `cannot add key ${key}, another key by that name already exists`;
    } else {
      const errs = configKeyErrors(key);
      if (errs.length) return `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`;
      if (key in data) return `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`;
    }
    data[key] = value;
    return undefined;
  };
  const slice = (k: string) => ((f[k] as string[] | undefined) ?? []).flatMap((s) => s.split(','));
  const literals = async () => {
    for (const src of (f['from-literal'] as string[] | undefined) ?? []) {
      const eq = src.indexOf('=');
      if (eq <= 0) return `invalid literal source ${src}, expected key=value`;
      const e = add(src.slice(0, eq), src.slice(eq + 1));
      if (e) return e;
    }
    return undefined;
  };
  const files = async () => {
    for (const src of slice('from-file')) {
      const seps = src.split('=').length - 1;
      if (seps === 1 && src.startsWith('=')) return `key name for file path ${src.slice(1)} missing`;
      if (seps === 1 && src.endsWith('=')) return `file path for key name ${src.slice(0, -1)} missing`;
      if (seps > 1) return "key names or file paths cannot contain '='";
      const [key, path] = seps ? (src.split('=') as [string, string]) : [src.replace(/\/+$/, '').split('/').pop() || src, src];
      const abs = env.fs.resolvePath(env.cwd, path);
      const st = await env.fs.stat(abs).catch(() => undefined);
      if (!st) return `error reading ${path}: no such file or directory`;
      if (st.isDirectory) {
        if (seps) return 'cannot give a key name for a directory path';
        for (const n of (await env.fs.readdir(abs)).sort()) {
          const child = await env.fs.stat(`${abs}/${n}`).catch(() => undefined);
          if (!child?.isFile) continue;
          const e = add(n, await env.fs.readFile(`${abs}/${n}`));
          if (e) return e;
        }
      } else {
        const e = add(key, await env.fs.readFile(abs));
        if (e) return e;
      }
    }
    return undefined;
  };
  const envFiles = async () => {
    for (const path of slice('from-env-file')) {
      const abs = env.fs.resolvePath(env.cwd, path);
      const st = await env.fs.stat(abs).catch(() => undefined);
      if (!st) return `error reading ${path}: no such file or directory`;
      if (st.isDirectory) return kind === 'Secret' ? 'env secret file cannot be a directory' : 'env config file cannot be a directory';
      const lines = (await env.fs.readFile(abs)).split('\n');
      if (lines.at(-1) === '') lines.pop();
      for (const [i, raw] of lines.entries()) {
        const line = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/^\s+/, '');
        if (!line || line.startsWith('#')) continue;
        const eq = line.indexOf('=');
        const key = eq < 0 ? line : line.slice(0, eq);
        const errs = envNameErrors(key);
        if (errs.length) return `${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`;
        const e = add(key, eq < 0 ? (env.exported?.[key] ?? env.env.get(key) ?? '') : line.slice(eq + 1));
        if (e) return e;
      }
    }
    return undefined;
  };
  const order = kind === 'Secret' ? [literals, files, envFiles] : [files, literals, envFiles];
  for (const step of order) {
    const e = await step();
    if (e) return e;
  }
  return undefined;
}

export async function createConfig(kind: Kind, verb: string, args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, `create ${verb}`);
  if (!p.ok) return p.usage!;
  const f = p.flags;
  if (kind === 'ConfigMap' && f.type !== undefined) return out('', `error: unknown flag: --type\nSee 'kubectl create ${verb} --help' for usage.\n`, 1);
  const name = nameFromCommandArgs(p.rest, `create ${verb}`);
  if (typeof name !== 'string') return name;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const r = await build(env, kind, name, f, dryRun.mode);
  return warnFirst(dryRun.warning, r);
}

async function build(env: CmdEnv, kind: Kind, name: string, f: Record<string, unknown>, dry: 'none' | 'client' | 'server'): Promise<ExecResult> {
  const format = parseFormat(f.output as string | undefined)!;
  if (
    (f['from-env-file'] as string[] | undefined)?.length &&
    ((f['from-file'] as string[] | undefined)?.length || (f['from-literal'] as string[] | undefined)?.length)
  )
    return out('', 'error: from-env-file cannot be combined with from-file or from-literal\n', 1);
  if (f['append-hash']) return out('', `kubectl create ${kind === 'Secret' ? 'secret generic' : 'configmap'} --append-hash: not simulated on node1\n`, 1);
  const data: Record<string, string> = {};
  const bad = await readSources(env, kind, name, f, data);
  if (bad) return out('', `error: ${bad}\n`, 1);
  const ns = typeof f.namespace === 'string' && f.namespace ? f.namespace : undefined;
  const built: Record<string, unknown> = {
    apiVersion: 'v1',
    ...(Object.keys(data).length ? { data: kind === 'Secret' ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, toBase64(v)])) : data } : {}),
    kind,
    metadata: { creationTimestamp: null, name, ...(ns ? { namespace: ns } : {}) },
    ...(kind === 'Secret' && f.type ? { type: f.type } : {}),
  };
  const body = withLastApplied(f['save-config'] === true, built, true);
  const res = resourceOfKind('v1', kind)!;
  const said = createdPrinter(format, res, name);
  if (dry === 'client') return said(body, ' (dry run)', true);
  const cluster = clusterFor(env.host);
  try {
    const { metadata: _m, ...rest } = body;
    void _m;
    const made = cluster.api.create({ ...rest, metadata: { name, ...annotationsOf(body) } }, namespaceOf(f, env), { dryRun: dry === 'server' });
    return said(made.obj, dry === 'server' ? ' (server dry run)' : '');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return out('', `error: failed to create ${kind === 'Secret' ? 'secret' : 'configmap:'} ${e.message}\n`, 1);
  }
}
