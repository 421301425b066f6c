/**
 * The `kubectl config` subcommands that change the kubeconfig (kubernetes/kubectl@v0.30.5:pkg/cmd/config/use_context.go,
 * set_context.go, delete_context.go, delete_cluster.go, delete_user.go, rename_context.go, set_cluster.go,
 * set_credentials.go, set.go, unset.go): each changes the merged Config and writes the files it came from
 * (kubeconfig-io.ts saveKubeconfig, client-go's ModifyConfig). Messages read in those files and checked against
 * kubectl v1.30.13.
 */
import type { ExecResult } from '../../../api.ts';
import type { KubeConfig, Obj, Stanza } from '../../../../k8s/kubeconfig.ts';
import { defaultFilename, STANZAS } from '../../../../k8s/kubeconfig.ts';
import { type FlagDef, parseFlags } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { GLOBAL_FLAGS, out } from './common.ts';
import { base64 } from '../../../fs/kubeadm-pki.ts';
import { helpPage } from './help.ts';
import { type Loaded, loadKubeconfig, saveKubeconfig } from './kubeconfig-io.ts';

const b64 = (s: string) => base64(s);

/** Each subcommand's own flags; a local flag shadows the global one of its name (set-context's --namespace has no -n). */
const OWN: Record<string, FlagDef[]> = {
  'use-context': [],
  'set-context': [
    { long: 'current', type: 'bool' },
    { long: 'cluster', type: 'string' },
    { long: 'user', type: 'string' },
    { long: 'namespace', type: 'string' },
  ],
  'delete-context': [],
  'delete-cluster': [],
  'delete-user': [],
  'rename-context': [],
  'set-cluster': [
    { long: 'server', type: 'string' },
    { long: 'certificate-authority', type: 'string' },
    { long: 'embed-certs', type: 'bool' },
    { long: 'insecure-skip-tls-verify', type: 'bool' },
    { long: 'tls-server-name', type: 'string' },
    { long: 'proxy-url', type: 'string' },
  ],
  'set-credentials': [
    { long: 'client-certificate', type: 'string' },
    { long: 'client-key', type: 'string' },
    { long: 'embed-certs', type: 'bool' },
    { long: 'token', type: 'string' },
    { long: 'username', type: 'string' },
    { long: 'password', type: 'string' },
  ],
  set: [{ long: 'set-raw-bytes', type: 'bool' }],
  unset: [],
};
const FLAGS: Record<string, FlagDef[]> = Object.fromEntries(
  Object.entries(OWN).map(([sub, own]) => [sub, [...own, ...GLOBAL_FLAGS.filter((g) => !own.some((o) => o.long === g.long))]]),
);

type Flags = Record<string, string | boolean | string[] | number | undefined>;
interface Ctx {
  env: CmdEnv;
  loaded: Loaded;
  cfg: KubeConfig;
  flags: Flags;
  args: string[];
  /** The file a message names (GetDefaultFilename, or --kubeconfig's). */
  file: string;
}
type Change = (c: Ctx) => Promise<ExecResult | string>;

const fail = (msg: string) => out('', `error: ${msg}\n`, 1);
/** config.go helpErrorf: the command's help on stdout, then the error. */
const helpError = async (sub: string, env: CmdEnv, msg: string) => out((await helpPage(`config ${sub}`, env)) ?? '', `error: ${msg}\n`, 1);
const argList = (a: string[]) => `[${a.join(' ')}]`;

export async function configChange(sub: string, args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parseFlags(args, FLAGS[sub]!, true);
  if (!p.ok) return out('', `error: ${p.error}\nSee 'kubectl config ${sub} --help' for usage.\n`, 1);
  const loaded = await loadKubeconfig(env, p.flags.kubeconfig as string | undefined);
  if ('error' in loaded) return out('', loaded.error, 1);
  const file = defaultFilename(loaded.access, (f) => loaded.present.has(f));
  const c: Ctx = { env, loaded, cfg: structuredClone(loaded.config), flags: p.flags, args: p.rest, file };
  const r = await CHANGES[sub]!(c);
  if (typeof r !== 'string') return r;
  const err = await saveKubeconfig(env, loaded, c.cfg);
  return err ? out('', err, 1) : out(r);
}

/** An absolute path, as filepath.Abs makes the file flags' values (then relativized to the kubeconfig's folder on write). */
function absPath(c: Ctx, p: string): string {
  const a = c.env.fs.resolvePath(c.env.cwd, p);
  const dir = c.env.fs.resolvePath(c.env.cwd, c.file).replace(/\/[^/]*$/, '');
  // clientcmd RelativizePathWithNoBacksteps: relative only when no `..` is needed.
  return a.startsWith(`${dir}/`) ? a.slice(dir.length + 1) : a;
}

async function readEmbedded(c: Ctx, flag: string, p: string): Promise<string | ExecResult> {
  const a = c.env.fs.resolvePath(c.env.cwd, p);
  if (!(await c.env.fs.exists(a))) return fail(`could not stat ${flag} file ${p}: stat ${p}: no such file or directory`);
  return b64(await c.env.fs.readFile(a));
}

/** Sets an entry's fields in struct order (a changed value keeps its place; a zero one is dropped, as omitempty does). */
function setFields(stanza: Stanza, old: Obj | undefined, changes: Obj): Obj {
  const merged: Obj = { ...old, ...changes };
  const out: Obj = {};
  for (const f of STANZAS[stanza].fields) {
    const v = merged[f];
    if (v !== undefined && v !== '' && v !== false) out[f] = v;
    else if (STANZAS[stanza].required.includes(f)) out[f] = '';
  }
  return out;
}

const CHANGES: Record<string, Change> = {
  'use-context': async (c) => {
    if (c.args.length !== 1) return helpError('use-context', c.env, `Unexpected args: ${argList(c.args)}`);
    const name = c.args[0]!;
    if (!name) return fail('empty context names are not allowed');
    if (!Object.hasOwn(c.cfg.contexts, name)) return fail(`no context exists with the name: "${name}"`);
    c.cfg.currentContext = name;
    return `Switched to context "${name}".\n`;
  },
  'set-context': async (c) => {
    if (c.args.length > 1) return helpError('set-context', c.env, `Unexpected args: ${argList(c.args)}`);
    const current = Boolean(c.flags.current);
    if (!c.args[0] && !current) return fail('you must specify a non-empty context name or --current');
    if (c.args[0] && current) return fail('you cannot specify both a context name and --current');
    if (current && !c.cfg.currentContext) return fail('no current context is set');
    const name = current ? c.cfg.currentContext : c.args[0]!;
    const old = c.cfg.contexts[name];
    const changes: Obj = {};
    for (const f of ['cluster', 'user', 'namespace']) if (c.flags[f] !== undefined) changes[f] = c.flags[f];
    c.cfg.contexts[name] = { value: setFields('contexts', old?.value, changes), origin: old?.origin ?? '' };
    return `Context "${name}" ${old ? 'modified' : 'created'}.\n`;
  },
  'delete-context': (c) => deleteEntry(c, 'contexts', 'context'),
  'delete-cluster': (c) => deleteEntry(c, 'clusters', 'cluster'),
  'delete-user': (c) => deleteEntry(c, 'users', 'user'),
  'rename-context': async (c) => {
    if (c.args.length !== 2) return helpError('rename-context', c.env, `Unexpected args: ${argList(c.args)}`);
    const [from, to] = c.args as [string, string];
    if (!to) return fail('You must specify a new non-empty context name');
    const e = c.cfg.contexts[from];
    if (!e) return fail(`cannot rename the context "${from}", it's not in ${c.file}`);
    if (Object.hasOwn(c.cfg.contexts, to)) return fail(`cannot rename the context "${from}", the context "${to}" already exists in ${c.file}`);
    delete c.cfg.contexts[from];
    c.cfg.contexts[to] = { value: e.value, origin: e.origin };
    if (c.cfg.currentContext === from) c.cfg.currentContext = to;
    return `Context "${from}" renamed to "${to}".\n`;
  },
  'set-cluster': async (c) => {
    if (c.args.length !== 1) return helpError('set-cluster', c.env, `Unexpected args: ${argList(c.args)}`);
    const name = c.args[0]!;
    if (!name) return fail('you must specify a non-empty cluster name');
    const f = c.flags;
    const ca = f['certificate-authority'] as string | undefined;
    if (ca && f['insecure-skip-tls-verify']) return fail('you cannot specify a certificate authority and insecure mode at the same time');
    if (f['embed-certs'] && !ca) return fail('you must specify a --certificate-authority to embed');
    const old = c.cfg.clusters[name];
    const ch: Obj = {};
    // set_cluster.go modifyCluster: --server clears tls-server-name; insecure mode clears the CA; a CA clears insecure mode.
    if (f.server !== undefined) Object.assign(ch, { server: f.server, 'tls-server-name': '' });
    if (f['tls-server-name'] !== undefined) ch['tls-server-name'] = f['tls-server-name'];
    // Its Tristate flag has Default(false), which counts as Provided() (k8s.io/component-base@v0.30.5:cli/flag/tristate.go):
    // every set-cluster writes insecure-skip-tls-verify, false unless given (a real kubectl v1.30.13 drops it too).
    ch['insecure-skip-tls-verify'] = Boolean(f['insecure-skip-tls-verify']);
    if (f['insecure-skip-tls-verify']) Object.assign(ch, { 'certificate-authority': '', 'certificate-authority-data': '' });
    if (ca !== undefined) {
      if (f['embed-certs']) {
        const data = await readEmbedded(c, 'certificate-authority', ca);
        if (typeof data !== 'string') return data;
        Object.assign(ch, { 'certificate-authority-data': data, 'insecure-skip-tls-verify': false, 'certificate-authority': '' });
      } else Object.assign(ch, { 'certificate-authority': absPath(c, ca), 'insecure-skip-tls-verify': false, 'certificate-authority-data': '' });
    }
    if (f['proxy-url'] !== undefined) ch['proxy-url'] = f['proxy-url'];
    c.cfg.clusters[name] = { value: setFields('clusters', old?.value, ch), origin: old?.origin ?? '' };
    return `Cluster "${name}" set.\n`;
  },
  'set-credentials': async (c) => {
    // set_credentials.go: complete's error (a lower-case `unexpected args`) after the help page.
    if (c.args.length !== 1) return helpError('set-credentials', c.env, `unexpected args: ${argList(c.args)}`);
    const name = c.args[0]!;
    if (!name) return fail('you must specify a non-empty user name');
    const f = c.flags;
    const methods = [f.token && '--token', (f.username || f.password) && '--username/--password'].filter(Boolean);
    if (methods.length > 1) return fail(`you cannot specify more than one authentication method at the same time: ${methods.join(', ')}`);
    const cert = f['client-certificate'] as string | undefined;
    const key = f['client-key'] as string | undefined;
    if (f['embed-certs'] && !cert && !key) return fail('you must specify a --client-certificate or --client-key to embed');
    const old = c.cfg.users[name];
    const ch: Obj = {};
    for (const [flag, path] of [
      ['client-certificate', cert],
      ['client-key', key],
    ] as const) {
      if (path === undefined) continue;
      if (f['embed-certs']) {
        const data = await readEmbedded(c, flag, path);
        if (typeof data !== 'string') return data;
        Object.assign(ch, { [`${flag}-data`]: data, [flag]: '' });
      } else Object.assign(ch, { [flag]: absPath(c, path), [`${flag}-data`]: '' });
    }
    for (const k of ['token', 'username', 'password']) if (f[k] !== undefined) ch[k] = f[k];
    c.cfg.users[name] = { value: setFields('users', old?.value, ch), origin: old?.origin ?? '' };
    return `User "${name}" set.\n`;
  },
  set: (c) => setProperty(c, 'set'),
  unset: (c) => setProperty(c, 'unset'),
};

/** delete_context.go, delete_cluster.go (no NAME: the help, exit 0), delete_user.go (no NAME: a usage error). */
async function deleteEntry(c: Ctx, stanza: Stanza, what: string): Promise<ExecResult | string> {
  if (c.args.length !== 1) {
    if (stanza === 'users') return out('', "error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples\n", 1);
    return out((await helpPage(`config delete-${what}`, c.env)) ?? '');
  }
  const name = c.args[0]!;
  if (!Object.hasOwn(c.cfg[stanza], name)) return fail(`cannot delete ${what} ${name}, not in ${c.file}`);
  const warn =
    stanza === 'contexts' && c.cfg.currentContext === name
      ? 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n'
      : '';
  delete c.cfg[stanza][name];
  const err = await saveKubeconfig(c.env, c.loaded, c.cfg);
  if (err) return out('', warn + err, 1);
  const done = `deleted ${what} ${name} from ${c.file}\n`;
  return warn
    ? {
        stdout: done,
        stderr: warn,
        exitCode: 0,
        output: [
          { stream: 'stderr', text: warn },
          { stream: 'stdout', text: done },
        ],
      }
    : out(done);
}

/**
 * set.go / unset.go over the paths a learner types: current-context, and STANZA.NAME.FIELD for clusters, contexts and
 * users (a field of the v1 struct; a STANZA.NAME alone for unset). Other paths (preferences, extensions, exec's and
 * auth-provider's maps) are not simulated and say so.
 */
async function setProperty(c: Ctx, verb: 'set' | 'unset'): Promise<ExecResult | string> {
  const want = verb === 'set' ? 2 : 1;
  if (c.args.length !== want) return helpError(verb, c.env, `Unexpected args: ${argList(c.args)}`);
  const [prop, value] = c.args as [string, string | undefined];
  if (!prop) return fail('you must specify a property');
  if (verb === 'set' && value === '') return fail('you cannot use set to unset a property');
  const done = `Property "${prop}" ${verb}.\n`;
  const steps = prop.split('.');
  if (prop === 'current-context') {
    c.cfg.currentContext = verb === 'set' ? value! : '';
    return done;
  }
  const stanza = steps[0] as Stanza;
  const field = steps[2];
  if (Object.hasOwn(STANZAS, stanza) && steps.length === 2 && verb === 'unset') {
    delete c.cfg[stanza][steps[1]!];
    return done;
  }
  if (!Object.hasOwn(STANZAS, stanza) || steps.length !== 3 || !STANZAS[stanza].fields.includes(field!) || field === 'extensions')
    return out(
      '',
      `kubectl config ${verb} ${prop}: not simulated on node1 (this kubectl ${verb}s current-context and clusters|contexts|users.NAME.FIELD)\n`,
      1,
    );
  const name = steps[1]!;
  const old = c.cfg[stanza][name];
  let v: unknown = value;
  if (verb === 'set' && field === 'insecure-skip-tls-verify') v = value === 'true';
  // set.go: a []byte field takes base64 unless --set-raw-bytes; the file keeps the base64 either way.
  if (verb === 'set' && field!.endsWith('-data') && c.flags['set-raw-bytes']) v = b64(value!);
  if (verb === 'unset' && !old) return done;
  c.cfg[stanza][name] = { value: setFields(stanza, old?.value, { [field!]: verb === 'set' ? v : '' }), origin: old?.origin ?? '' };
  return done;
}
