/**
 * kubectl's kubeconfig on node1's filesystem: which files it reads ($KUBECONFIG, ~/.kube/config, --kubeconfig), the
 * merged Config (src/k8s/kubeconfig.ts), and the files a `config` subcommand writes back
 * (k8s.io/client-go@v0.30.5:tools/clientcmd/loader.go WriteToFile: the directory made 0755 when missing, a new file 0600,
 * the YAML of the v1 Config through JSON, so its keys are sorted).
 */
import {
  type Access,
  accessOf,
  emptyConfig,
  type FileRead,
  type KubeConfig,
  mergeKubeconfigs,
  modified,
  parseKubeconfig,
  toV1,
} from '../../../../k8s/kubeconfig.ts';
import type { CmdEnv } from '../../types.ts';
import { toYaml } from './yaml-out.ts';

/** A variable of kubectl's environment (what the shell exports to it). */
export const envVar = (env: CmdEnv, name: string): string | undefined => (env.exported ? env.exported[name] : env.env.get(name));

export interface Loaded {
  access: Access;
  config: KubeConfig;
  /** The list's files that exist (GetDefaultFilename picks among them). */
  present: Set<string>;
}

const abs = (env: CmdEnv, p: string) => env.fs.resolvePath(env.cwd, p);

async function readIfAny(env: CmdEnv, path: string): Promise<string | undefined> {
  const a = abs(env, path);
  const st = await env.fs.stat(a).catch(() => undefined);
  if (!st || st.isDirectory) return undefined;
  return env.fs.readFile(a);
}

/** Loads the kubeconfig kubectl would: `explicit` is --kubeconfig's value. An error is kubectl's line. */
export async function loadKubeconfig(env: CmdEnv, explicit: string | undefined): Promise<Loaded | { error: string }> {
  const access = accessOf(explicit, envVar(env, 'KUBECONFIG'), envVar(env, 'HOME') || '/root');
  const files: FileRead[] = [];
  for (const path of access.precedence) files.push({ path, text: await readIfAny(env, path) });
  const config = mergeKubeconfigs(files);
  if ('error' in config) return { error: `error: ${config.error}\n` };
  return { access, config, present: new Set(files.filter((f) => f.text !== undefined).map((f) => f.path)) };
}

/** Whether --kubeconfig names a file that is not there (server verbs: `error: stat F: no such file or directory`). */
export async function missingExplicit(env: CmdEnv, explicit: string | undefined): Promise<string | undefined> {
  if (!explicit) return undefined;
  const st = await env.fs.stat(abs(env, explicit)).catch(() => undefined);
  return st ? undefined : `error: stat ${explicit}: no such file or directory\n`;
}

/** JSON's sorted keys, as sigs.k8s.io/yaml's JSONToYAML leaves them. */
const sortedKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortedKeys)
    : typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortedKeys((v as Record<string, unknown>)[k])]),
        )
      : v;

/** A Config as clientcmd.Write serializes it (and `config view`'s YAML printer prints it). */
export const kubeconfigYaml = (cfg: KubeConfig): string => toYaml(sortedKeys(toV1(cfg)));

/** Writes what changed between `before` and `after` to the files it belongs to (config.go ModifyConfig). */
export async function saveKubeconfig(env: CmdEnv, loaded: Loaded, after: KubeConfig): Promise<string | undefined> {
  const texts = new Map<string, string | undefined>();
  for (const p of loaded.access.precedence) texts.set(p, await readIfAny(env, p));
  const read = (path: string): KubeConfig => {
    const text = texts.get(path);
    const c = text === undefined ? emptyConfig() : parseKubeconfig(text, path);
    return 'error' in c ? emptyConfig() : c;
  };
  const files = modified(loaded.access, loaded.config, after, read, (p) => texts.get(p) !== undefined);
  for (const [path, cfg] of files) {
    const a = abs(env, path);
    const dir = a.slice(0, a.lastIndexOf('/')) || '/';
    const isNew = !(await env.fs.exists(a));
    try {
      if (!(await env.fs.exists(dir))) await env.fs.mkdir(dir, { recursive: true });
      await env.fs.writeFile(a, kubeconfigYaml(cfg));
      if (isNew) await env.fs.chmod(a, 0o600);
    } catch {
      return `error: open ${path}: permission denied\n`;
    }
  }
  return undefined;
}
