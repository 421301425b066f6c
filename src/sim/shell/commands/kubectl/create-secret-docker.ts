/**
 * kubectl create secret docker-registry NAME --docker-username=U --docker-password=P [--docker-email=E]
 * [--docker-server=S] | --from-file=[KEY=]PATH, as kubernetes/kubectl@v0.30.5:pkg/cmd/create/create_secret_docker.go
 * builds it: a Secret of type kubernetes.io/dockerconfigjson whose `.dockerconfigjson` is handleDockerCfgJSONContent's
 * json.Marshal of {"auths":{SERVER:{"username","password","email","auth"}}} (the struct's field order, empty ones left
 * out, `auth` base64 of "user:password", <>& escaped), the server defaulting to https://index.docker.io/v1/; with
 * --from-file the files are the data (handleSecretFromFileSources). Complete's NameFromCommandArgs, then Validate
 * ("either --from-file or the combination of --docker-username, --docker-password and --docker-server is required");
 * the server's refusal as `failed to create secret %v`. --append-hash is not built and says so.
 */
import type { ExecResult } from '../../../api.ts';
import { toBase64 } from '../../../k8s/apiserver/configdata.ts';
import type { CmdEnv } from '../../types.ts';
import { CREATE_FLAGS, dryRunOf, namespaceOf, out, parse, warnFirst, nameFromCommandArgs } from './common.ts';
import { readSources } from './create-config.ts';
import { badFormat, parseFormat } from './output.ts';
import { sendSecret } from './create-secret-send.ts';

const FLAGS = [
  { long: 'docker-username', type: 'string' as const },
  { long: 'docker-password', type: 'string' as const },
  { long: 'docker-email', type: 'string' as const },
  { long: 'docker-server', type: 'string' as const },
  { long: 'append-hash', type: 'bool' as const },
  { long: 'from-file', type: 'list' as const },
  ...CREATE_FLAGS,
];

/** handleDockerCfgJSONContent: encoding/json of DockerConfigJSON, HTML characters escaped as json.Marshal does. */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry = {
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    ...(email ? { email } : {}),
    // encodeDockerConfigFieldAuth: base64 of "user:password" (never empty, so never omitted).
    auth: toBase64(`${username}:${password}`),
  };
  return JSON.stringify({ auths: { [server]: entry } }).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export async function createSecretDocker(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, FLAGS, 'create secret docker-registry');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  const name = nameFromCommandArgs(p.rest, 'create secret docker-registry');
  if (typeof name !== 'string') return name;
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const server = f['docker-server'] === undefined ? 'https://index.docker.io/v1/' : str('docker-server');
  const files = (f['from-file'] as string[] | undefined) ?? [];
  if (!files.length && (!str('docker-username') || !str('docker-password') || !server))
    return warnFirst(
      dryRun.warning,
      out('', 'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n', 1),
    );
  if (f['append-hash']) return out('', 'kubectl create secret docker-registry --append-hash: not simulated on node1\n', 1);
  const data: Record<string, string> = {};
  if (files.length) {
    const bad = await readSources(env, 'Secret', name, { 'from-file': files }, data);
    if (bad) return warnFirst(dryRun.warning, out('', `error: ${bad}\n`, 1));
  } else data['.dockerconfigjson'] = dockerConfigJson(str('docker-username'), str('docker-password'), str('docker-email'), server);
  const ns = typeof f.namespace === 'string' && f.namespace ? f.namespace : undefined;
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, toBase64(v)]));
  const body = {
    apiVersion: 'v1',
    ...(Object.keys(encoded).length ? { data: encoded } : {}),
    kind: 'Secret',
    metadata: { creationTimestamp: null, name, ...(ns ? { namespace: ns } : {}) },
    type: 'kubernetes.io/dockerconfigjson',
  };
  const { metadata: _m, ...rest } = body;
  return sendSecret(env, name, namespaceOf(f, env), dryRun, format, body, { ...rest, metadata: { name } }, f['save-config'] === true);
}
