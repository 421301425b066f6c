/**
 * kubectl create deployment NAME --image=IMAGE [-- COMMAND args…] (alias `deploy`), as
 * kubernetes/kubectl@v0.30.5:pkg/cmd/create/create_deployment.go builds and sends it:
 * - the Deployment is labelled app=NAME, selects app=NAME, and its template carries the same label;
 * - one container per --image (a string slice: repeated or comma-separated), named after the image's last path segment
 *   before `:` and `@`; a name with `_` or `.` gets them as `-` and a rand.String(5) suffix (sanitizeAndUniquify);
 * - `-- COMMAND args` become every container's command; with more than one image that is refused (Validate);
 * - --port sets the first container's containerPort (default -1: none); --replicas/-r (default 1).
 * Errors: cobra's required flag first (`required flag(s) "image" not set`), then NameFromCommandArgs
 * (create.go: "exactly one NAME is required, got N", counting the arguments before `--`), then Validate; the server's
 * refusal is wrapped as `failed to create deployment: …` (Run's fmt.Errorf, printed by cmdutil.CheckErr as `error: …`).
 * --dry-run=client prints the object as sent (namespace only when -n was given: EnforceNamespace), with Go's zero
 * values as the JSON encoder writes them (creationTimestamp: null, strategy: {}, resources: {}, status: {}).
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { randomSuffix } from '../../../k8s/apiserver/names.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { annotationsOf, withLastApplied } from './save-config.ts';
import { CREATE_FLAGS, dryRunOf, namespaceOf, out, parse, nameFromCommandArgs } from './common.ts';
import { badFormat, createdPrinter, parseFormat } from './output.ts';

const FLAGS = [
  { long: 'image', type: 'list' as const },
  { long: 'port', type: 'int32' as const },
  { long: 'replicas', short: 'r', type: 'int32' as const },
  ...CREATE_FLAGS,
];

export async function createDeployment(args: string[], env: CmdEnv): Promise<ExecResult> {
  const dash = args.indexOf('--');
  const own = dash < 0 ? args : args.slice(0, dash);
  const p = parse(own, FLAGS, 'create deployment');
  if (!p.ok) return p.usage!;
  const f = p.flags;
  // pflag's parse errors (the int32 flags' too, in args.ts), then cobra's required flag, then Complete's checks in
  // order, then Validate.
  const port = (f.port as number | undefined) ?? -1;
  const replicas = (f.replicas as number | undefined) ?? 1;
  const images = ((f.image as string[] | undefined) ?? []).flatMap((s) => s.split(',')).filter(Boolean);
  if (!images.length) return out('', 'error: required flag(s) "image" not set\n', 1);
  // ArgsLenAtDash: the words before `--` (the verb's own `deployment` word is gone already).
  const name = nameFromCommandArgs(p.rest, 'create deployment');
  if (typeof name !== 'string') return name;
  const command = dash < 0 ? [] : args.slice(dash + 1);
  const dryRun = dryRunOf(env, f);
  if ('error' in dryRun) return dryRun.error;
  const dry = dryRun.mode;
  const format = parseFormat(f.output as string | undefined);
  if (!format) return out('', badFormat(String(f.output)), 1);
  if (images.length > 1 && command.length) return out('', 'error: cannot specify multiple --image options and command\n', 1);
  const cluster = clusterFor(env.host);
  const labels = { app: name };
  const containers = images.map((image, i) => {
    let c = image.split('/').at(-1)!.split(':')[0]!.split('@')[0]!;
    if (/[_.]/.test(c)) c = `${c.replace(/[_.]/g, '-')}-${randomSuffix((n) => env.host.rng.int(n))}`;
    return {
      ...(command.length ? { command } : {}),
      image,
      name: c,
      ...(i === 0 && port >= 0 ? { ports: [{ containerPort: port }] } : {}),
      resources: {},
    };
  });
  const ns = typeof f.namespace === 'string' && f.namespace ? f.namespace : undefined;
  const built = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name, ...(ns ? { namespace: ns } : {}) },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
    },
    status: {},
  };
  const deploy = withLastApplied(f['save-config'] === true, built, true);
  const r = resourceOfKind('apps/v1', 'Deployment')!;
  // klog's deprecation warning (a bare --dry-run, or a boolean) is written while the options complete, before all else.
  const warn = dryRun.warning;
  const done = createdPrinter(format, r, name, warn);
  if (dry === 'client') return done(deploy, ' (dry run)', true);
  try {
    const res = cluster.api.create(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { labels, name, ...annotationsOf(deploy) },
        spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers } } },
      },
      namespaceOf(f, env),
      { dryRun: dry === 'server' },
    );
    await cluster.sync();
    const shown = done(res.obj, dry === 'server' ? ' (server dry run)' : '');
    const warnings = res.warnings.map((w) => `Warning: ${w}\n`).join('');
    return warnings ? { ...shown, stderr: shown.stderr + warnings, output: [...(shown.output ?? []), { stream: 'stderr', text: warnings }] } : shown;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return out('', `${warn}error: failed to create deployment: ${e.message}\n`, 1);
  }
}
