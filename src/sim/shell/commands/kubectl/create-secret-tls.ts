/**
 * kubectl create secret tls NAME --cert=PATH --key=PATH, as kubernetes/kubectl@v0.30.5:pkg/cmd/create/
 * create_secret_tls.go builds it: Complete's NameFromCommandArgs, Validate ("key and cert must be specified"),
 * readFile's "Cannot read file %v, %v" (os.ReadFile's *PathError), then tls.X509KeyPair over the two files, then a
 * Secret of type kubernetes.io/tls with data tls.crt and tls.key (the files as they are), printed `secret/NAME created`.
 * X509KeyPair's PEM stage is Go's (crypto/tls/tls.go, the same words from go1.14 to go1.22 that kubectl v1.30 is built
 * with): the certificate input's CERTIFICATE blocks, else "failed to find any PEM data in certificate input", the
 * "PEM inputs may have been switched" hint, or the skipped block types as %v prints a []string; then the key input's
 * first block whose type is "PRIVATE KEY" or ends in " PRIVATE KEY", with the same three cases for keys.
 * Not checked: x509.ParseCertificate of the DER and the key's match with it. node1's certificates (fs/kubeadm-pki.ts)
 * are random bytes in PEM armour, so a real DER parser (and no X.509 library is kept in this repository for the
 * browser) would refuse the cluster's own CA; a pair that passes the PEM stage is taken as valid. --append-hash is not
 * built and says so.
 */
import type { ExecResult } from '../../../api.ts';
import { toBase64 } from '../../../k8s/apiserver/configdata.ts';
import type { CmdEnv } from '../../types.ts';
import { CREATE_FLAGS, dryRunOf, namespaceOf, out, parse, warnFirst, nameFromCommandArgs } from './common.ts';
import { badFormat, parseFormat } from './output.ts';
import { sendSecret } from './create-secret-send.ts';

const FLAGS = [
  { long: 'cert', type: 'string' as const },
  { long: 'key', type: 'string' as const },
  { long: 'append-hash', type: 'bool' as const },
  ...CREATE_FLAGS,
];

/** encoding/pem Decode, repeatedly: each block's type, for blocks whose body is base64 (a bad body is skipped). */
function pemTypes(text: string): string[] {
  const types: string[] = [];
  for (const m of text.matchAll(/-----BEGIN ([^\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g))
    if (/^[A-Za-z0-9+/=\s]*$/.test(m[2]!.replace(/^[\w-]+: .*$/gm, ''))) types.push(m[1]!);
  return types;
}

/** fmt's %v of a []string: [a b c]. */
const goList = (xs: string[]) => `[${xs.join(' ')}]`;

/** tls.X509KeyPair up to the DER: its error, or undefined. */
export function x509KeyPairPem(cert: string, key: string): string | undefined {
  const certTypes = pemTypes(cert);
  if (!certTypes.includes('CERTIFICATE')) {
    if (!certTypes.length) return 'tls: failed to find any PEM data in certificate input';
    if (certTypes.length === 1 && certTypes[0]!.endsWith('PRIVATE KEY'))
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: ${goList(certTypes)}`;
  }
  const keyTypes = pemTypes(key);
  const at = keyTypes.findIndex((t) => t === 'PRIVATE KEY' || t.endsWith(' PRIVATE KEY'));
  if (at >= 0) return undefined;
  if (!keyTypes.length) return 'tls: failed to find any PEM data in key input';
  if (keyTypes.length === 1 && keyTypes[0] === 'CERTIFICATE') return 'tls: found a certificate rather than a key in the PEM for the private key';
  return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: ${goList(keyTypes)}`;
}

/** readFile: os.ReadFile's error wrapped as kubectl words it. */
async function readFile(env: CmdEnv, path: string): Promise<string | { error: string }> {
  const abs = env.fs.resolvePath(env.cwd, path);
  const st = await env.fs.stat(abs).catch(() => undefined);
  if (!st) return { error: `Cannot read file ${path}, open ${path}: no such file or directory` };
  if (st.isDirectory) return { error: `Cannot read file ${path}, read ${path}: is a directory` };
  return env.fs.readFile(abs);
}

export async function createSecretTls(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'create secret tls');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const name = nameFromCommandArgs(p.rest, 'create secret tls');
  if (typeof name !== 'string') return name;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const certPath = typeof f.cert === 'string' ? f.cert : '';
  const keyPath = typeof f.key === 'string' ? f.key : '';
  const fail = (msg: string) => warnFirst(dryRun.warning, out('', `error: ${msg}\n`, 1));
  if (!certPath || !keyPath) return fail('key and cert must be specified');
  if (f['append-hash']) return out('', 'kubectl create secret tls --append-hash: not simulated on node1\n', 1);
  const cert = await readFile(env, certPath);
  if (typeof cert !== 'string') return fail(cert.error);
  const key = await readFile(env, keyPath);
  if (typeof key !== 'string') return fail(key.error);
  const bad = x509KeyPairPem(cert, key);
  if (bad) return fail(bad);
  const ns = typeof f.namespace === 'string' && f.namespace ? f.namespace : undefined;
  const data = { 'tls.crt': toBase64(cert), 'tls.key': toBase64(key) };
  const body = {
    apiVersion: 'v1',
    data,
    kind: 'Secret',
    metadata: { creationTimestamp: null, name, ...(ns ? { namespace: ns } : {}) },
    type: 'kubernetes.io/tls',
  };
  return sendSecret(
    env,
    name,
    namespaceOf(f, env),
    dryRun,
    format,
    body,
    {
      apiVersion: 'v1',
      data,
      kind: 'Secret',
      metadata: { name },
      type: 'kubernetes.io/tls',
    },
    f['save-config'] === true,
  );
}
