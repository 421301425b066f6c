/**
 * In a pod with shareProcessNamespace, /pause is PID 1 and the app container's init is not; runc still
 * makes it a session leader (nsexec.c calls setsid), so ps shows `Ss`. A process started by exec is not.
 */
import { expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';

it("a pod's second container init is a session leader in the shared PID namespace", async () => {
  const w = createWorld(undefined, { clock: 'virtual' });
  await w.exec(
    `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: zombies' 'spec:' '  shareProcessNamespace: true' '  containers:' '  - name: app' '    image: zombie-maker:1.0' > zombies.yaml`,
  );
  expect((await w.exec('kubectl apply -f zombies.yaml')).stdout).toBe('pod/zombies created\n');
  expect((await w.exec('kubectl exec zombies -- ps -eo pid,ppid,stat,cmd')).stdout).toBe(
    '  PID  PPID STAT CMD\n    1     0 Ss   /pause\n    7     0 Ss   /usr/local/bin/zombie-maker\n    8     0 R    ps -eo pid,ppid,stat,cmd\n',
  );
});
