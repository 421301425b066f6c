import { createWorld, type World } from '../../../src/sim/index.ts';
import type { SimWorld } from '../../../src/sim/world.ts';
import { clusterFor } from '../../../src/sim/shell/commands/kubectl/cluster.ts';
import { fakeKubelet } from './fake-kubelet.ts';

/** A world whose cluster runs the stand-in kubelet (pods go Running at once). */
export function k8sWorld(kubelet = true): World {
  const w = createWorld();
  clusterFor((w as SimWorld).host, kubelet ? (api) => fakeKubelet(api) : undefined);
  return w;
}

/** Writes a file through the shell (a here-document), as a learner would. */
export async function write(w: World, name: string, text: string): Promise<void> {
  const r = await w.exec(`cat > ${name} <<'EOF'\n${text.replace(/\n$/, '')}\nEOF`);
  if (r.exitCode !== 0) throw new Error(r.stderr);
}

export const POD = (name = 'web', extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${name}
    image: nginx:1.27${extra}
`;

export const DEPLOY = (image = 'nginx:1.27', replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;
