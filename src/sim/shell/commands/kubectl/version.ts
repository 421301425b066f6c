/** kubectl version (staging/src/k8s.io/kubectl/pkg/cmd/version/version.go). */
import type { ExecResult } from '../../../api.ts';
import { KUBE_VERSION } from '../../../k8s/apiserver/fixture.ts';
import type { CmdEnv } from '../../types.ts';
import { out, parse } from './common.ts';

/** The Kustomize kubectl v1.30 embeds (its go.mod: sigs.k8s.io/kustomize/kustomize/v5 v5.0.4-0.20230601165947-6ce0bf390ce3). */
const KUSTOMIZE = 'v5.0.4-0.20230601165947-6ce0bf390ce3';

export async function version(args: string[], _env: CmdEnv): Promise<ExecResult> {
  const p = parse(
    args,
    [
      { long: 'output', short: 'o', type: 'string' },
      { long: 'client', type: 'bool' },
    ],
    'version',
  );
  if (!p.ok) return p.usage!;
  // -o json|yaml would print build dates and commits this simulation does not have; it says so instead.
  if (p.flags.output !== undefined) return out('', 'kubectl version -o: not simulated on node1 (the plain form is)\n', 1);
  return out(`Client Version: ${KUBE_VERSION}\nKustomize Version: ${KUSTOMIZE}\n${p.flags.client ? '' : `Server Version: ${KUBE_VERSION}\n`}`);
}
