/**
 * kubectl create namespace NAME (alias `ns`), as kubernetes/kubectl@v0.30.5:pkg/cmd/create/create_namespace.go runs
 * it: NameFromCommandArgs, then the Namespace sent unless --dry-run=client, then PrintObj: `namespace/NAME created`
 * with the dry-run strategy's words, or the object through -o. A client dry run prints the object as built, the JSON
 * printer in the Go struct's order (creationTimestamp: null, spec: {}, status: {}); checked against a real kubectl
 * v1.30.13 (`kubectl create namespace n --dry-run=client -o yaml` quotes the name "n", YAML 1.1's no).
 * A refusal is the server's error as it comes (Run returns it: `Error from server (AlreadyExists): …`).
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { CREATE_FLAGS, dryRunOf, errorText, nameFromCommandArgs, out, parse, warnFirst } from './common.ts';
import { badFormat, createdPrinter, parseFormat } from './output.ts';
import { annotationsOf, withLastApplied } from './save-config.ts';

export async function createNamespace(args: string[], env: CmdEnv): Promise<ExecResult> {
  const p = parse(args, CREATE_FLAGS, 'create namespace');
  if (!p.ok) return p.usage!;
  const name = nameFromCommandArgs(p.rest, 'create namespace');
  if (typeof name !== 'string') return name;
  const dryRun = dryRunOf(env, p.flags);
  if ('error' in dryRun) return dryRun.error;
  const format = parseFormat(p.flags.output as string | undefined);
  if (!format) return out('', badFormat(String(p.flags.output)), 1);
  const r = resourceOfKind('v1', 'Namespace')!;
  const said = createdPrinter(format, r, name, dryRun.warning);
  const body = { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null }, spec: {}, status: {} };
  const typed = withLastApplied(p.flags['save-config'] === true, body, true);
  if (dryRun.mode === 'client') return said(typed, ' (dry run)', true);
  const cluster = clusterFor(env.host);
  try {
    const made = cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...annotationsOf(typed) } }, '', {
      dryRun: dryRun.mode === 'server',
    });
    await cluster.sync();
    return said(made.obj, dryRun.mode === 'server' ? ' (server dry run)' : '');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return warnFirst(dryRun.warning, out('', errorText(e), 1));
  }
}
