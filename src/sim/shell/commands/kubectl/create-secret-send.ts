/**
 * The end of `kubectl create secret tls|docker-registry`'s Run (kubernetes/kubectl@v0.30.5:pkg/cmd/create/
 * create_secret_tls.go, create_secret_docker.go): unless --dry-run=client the Secret goes to the API server (with
 * dryRun=All for --dry-run=server), then the printer: `secret/NAME created` with the dry run's tail, or -o's output of
 * the object (the one built for a client dry run, the server's answer otherwise); a refusal is
 * `error: failed to create secret …`. The dry run's deprecation warning comes first either way.
 */
import type { ExecResult } from '../../../api.ts';
import { ApiError } from '../../../k8s/apiserver/index.ts';
import { resourceOfKind } from '../../../k8s/apiserver/resources.ts';
import type { CmdEnv } from '../../types.ts';
import { clusterFor } from './cluster.ts';
import { type dryRunOf, out } from './common.ts';
import { createdPrinter, type Format } from './output.ts';
import { annotationsOf, withLastApplied } from './save-config.ts';

export function sendSecret(
  env: CmdEnv,
  name: string,
  namespace: string,
  dryRun: Exclude<ReturnType<typeof dryRunOf>, { error: unknown }>,
  format: Format,
  /** What a client dry run prints (its metadata with creationTimestamp: null and -n's namespace). */
  body: object,
  /** What goes to the API server. */
  sent: Record<string, unknown>,
  /** --save-config (save-config.ts): the annotation, computed over `body`, goes on both. */
  save: boolean,
): ExecResult {
  const typed = withLastApplied(save, body, true);
  const meta = { ...(sent.metadata as object), ...annotationsOf(typed) };
  const res = resourceOfKind('v1', 'Secret')!;
  const said = createdPrinter(format, res, name, dryRun.warning);
  if (dryRun.mode === 'client') return said(typed, ' (dry run)', true);
  try {
    const made = clusterFor(env.host).api.create({ ...sent, metadata: meta }, namespace, { dryRun: dryRun.mode === 'server' });
    return said(made.obj, dryRun.mode === 'server' ? ' (server dry run)' : '');
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return out('', `${dryRun.warning}error: failed to create secret ${e.message}\n`, 1);
  }
}
