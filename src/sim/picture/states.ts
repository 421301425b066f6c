/**
 * Start states for figures: a name from this table, or a short script of commands
 * (one per line) run in a fresh world. The named states are the lessons' own commands,
 * so a figure shows the very state the learner reaches by following the lesson.
 */
import { createWorld } from '../index.ts';
import type { World } from '../api.ts';

/** Lesson 5, up to `lsns -t uts -t ipc`: the lesson's commands, so the figure's PIDs and inodes are the ones its text prints. */
const L5_POD = [
  'docker run -d --name pod-pause registry.k8s.io/pause:3.9',
  'docker run -d --name pod-web --network container:pod-pause --ipc container:pod-pause nginx:1.25',
  "docker run --rm --network container:pod-pause --ipc container:pod-pause alpine sh -c 'hostname; wget -qO- localhost | grep title'",
  "sudo lsns -p $(docker inspect -f '{{.State.Pid}}' pod-web)",
  'docker rm -f pod-web pod-pause',
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: cache-demo' 'spec:' '  containers:' '  - name: app' '    image: alpine:3.20' '    command: ["sleep", "3600"]' '  - name: memcached' '    image: memcached:1.6' > cache-demo.yaml`,
  'kubectl apply -f cache-demo.yaml',
  'kubectl get pod cache-demo -o wide',
  'kubectl exec cache-demo -c app -- hostname',
  'kubectl exec cache-demo -c memcached -- hostname',
  'kubectl exec cache-demo -c app -- ip -4 addr show eth0',
  'kubectl exec cache-demo -c app -- nc -z localhost 11211 && echo open',
  'sudo lsns -t uts -t ipc | grep pause',
];
/** Lesson 5, on to the second cache-demo (shareProcessNamespace: true). */
const L5_SHARED = [
  'kubectl exec cache-demo -c app -- ps ax',
  'kubectl delete pod cache-demo',
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: cache-demo' 'spec:' '  shareProcessNamespace: true' '  containers:' '  - name: app' '    image: alpine:3.20' '    command: ["sleep", "3600"]' '  - name: memcached' '    image: memcached:1.6' > cache-demo.yaml`,
  'kubectl apply -f cache-demo.yaml',
  'kubectl exec cache-demo -c app -- ps ax',
];
/** Lesson 9, up to `docker images` after the multi-stage hello builds and the golang pull. */
const L9_BUILDS = [
  'cat /root/demo/Dockerfile',
  'docker build -t demo:v1 /root/demo',
  'docker build -t demo:v2 /root/demo',
  "echo '<h1>version 3</h1>' > /root/demo/index.html",
  'docker build -t demo:v3 /root/demo',
  'cat /root/hello/Dockerfile',
  'docker build -t hello:1.0 /root/hello',
  "echo '// handle /healthz next' >> /root/hello/main.go",
  'docker build -t hello:1.1 /root/hello',
  'docker pull golang:1.22-alpine',
  'docker images',
];
/** Lesson 12, up to `grep -E 'CapEff|NoNewPrivs'` in the demo pod (commands the lesson shows failing end in `|| true`). */
const L12_DEMO = [
  'docker run --rm alpine id',
  'docker run --rm --user 1000 alpine id',
  'docker run --rm --user 1000:1000 alpine id',
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: demo' 'spec:' '  securityContext:' '    runAsUser: 1000' '    runAsGroup: 3000' '    fsGroup: 2000' '  containers:' '  - name: demo' '    image: alpine:3.20' '    command: ["sleep", "3600"]' '    env:' '    - name: GREETING' '      value: Hello from the environment' '    securityContext:' '      allowPrivilegeEscalation: false' '      readOnlyRootFilesystem: true' '      capabilities:' '        drop: ["ALL"]' '    volumeMounts:' '    - name: tmp' '      mountPath: /tmp' '  volumes:' '  - name: tmp' '    emptyDir: {}' > demo.yaml`,
  'kubectl apply -f demo.yaml',
  'kubectl exec demo -- id',
  "printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: web' 'spec:' '  securityContext:' '    runAsNonRoot: true' '  containers:' '  - name: web' '    image: nginx:1.25' > web.yaml",
  'kubectl apply -f web.yaml',
  'kubectl get pod web',
  'kubectl describe pod web | tail -1',
  'kubectl delete pod web',
  'docker run --rm --read-only alpine touch /x || true',
  "docker run --rm --read-only --tmpfs /tmp alpine sh -c 'touch /tmp/x && echo ok'",
  'kubectl exec demo -- touch /x || true',
  "kubectl exec demo -- sh -c 'touch /tmp/x && echo ok'",
  'docker run -d --read-only --name ro nginx:1.25',
  'docker logs ro',
  'docker run -d --read-only --tmpfs /var/cache/nginx --tmpfs /run --name ro2 nginx:1.25',
  "docker ps --format '{{.Names}} {{.Status}}'",
  "kubectl exec demo -- grep -E 'CapEff|NoNewPrivs' /proc/1/status",
];

export const STATES: Record<string, readonly string[]> = {
  fresh: [],
  /** Lessons 1–2: nginx published on 8080 (its PID 1 is host PID 23827, after its two docker-proxy processes and its shim). */
  web: ['docker run -d --name web -p 8080:80 nginx'],
  /** Lesson 3: kubia, and a shell entered with docker exec. */
  kubia: ['docker run -d --name kubia-container -p 8080:8080 kubia'],
  /** Lesson 4: a container on the default bridge and one on a user-defined bridge, with a published port. */
  bridge: [
    'docker run -d --name box alpine sleep 3600',
    'docker run -d -p 8080:80 --name web nginx:1.25',
    'docker network create appnet',
    'docker run -d --name db --network appnet alpine sleep 3600',
  ],
  /** Lesson 6: the capped container. */
  limits: ['docker run -d --name lim --memory=100m --cpus=0.5 --cpuset-cpus="1,2" --pids-limit=100 nginx:1.25'],
  /** Lesson 6: an OOM kill beside a throttled CPU hog. */
  'oom-and-throttle': [
    "docker run --name oom --memory=100m alpine sh -c 'tail /dev/zero' || true",
    "docker run -d --name hog --cpus=0.5 alpine sh -c 'while :; do :; done'",
    'sleep 5',
  ],
  /** Lesson 7: a deleted file leaves a whiteout in the upperdir. */
  whiteout: ['docker run -d --name web nginx', 'docker exec web rm /etc/nginx/conf.d/default.conf'],
  /** Lesson 8: an official multi-arch image pulled by tag. */
  pulled: ['docker pull nginx:1.25'],
  /** Lesson 8: alpine pulled without a tag. */
  alpine: ['docker pull alpine'],
  /** Lesson 10: sleep as PID 1, and sleep under docker-init. */
  init: ['docker run -d --name s1 alpine sleep 1000', 'docker run -d --init --name s2 alpine sleep 1000'],
  /** Lesson 11: a default container beside one with every capability dropped but NET_BIND_SERVICE. */
  caps: ['docker run -d --name web nginx', 'docker run -d --name tight --cap-drop ALL --cap-add NET_BIND_SERVICE nginx'],
  /** Lesson 5: the cache-demo pod, two containers around one pause sandbox. */
  pod: L5_POD,
  /** Lesson 5: the same pod with shareProcessNamespace: true (one PID namespace, the sandbox's). */
  'pod-shared-pid': [...L5_POD, ...L5_SHARED],
  /** Lesson 9: the multi-stage hello builds beside the golang image their build stage ran in. */
  multistage: L9_BUILDS,
  /** Lesson 12: the demo pod (runAsUser 1000, capabilities drop ALL, allowPrivilegeEscalation false). */
  'security-context': L12_DEMO,
  /** Lesson 13: what --privileged grants: every capability in every set but the ambient one. */
  privileged: ['docker run -d --name priv --privileged alpine sleep 3600'],
  /** Lesson 11: a non-root process keeps the bounding set but has no effective capabilities. */
  nonroot: ['docker run -d --name nr --user 1000 alpine sleep 3600'],
};

/** The commands a `state` stands for: a named state, or the lines of a script. */
export function stateCommands(state: string): string[] {
  const named = STATES[state.trim()];
  if (named) return [...named];
  const lines = state
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 1 && /^[a-z][a-z0-9-]*$/.test(lines[0] as string)) {
    throw new Error(`unknown figure state "${state}": use one of ${Object.keys(STATES).join(', ')}, or a script of commands`);
  }
  return lines;
}

/** A fresh world after running the state's commands; a failing command is an error naming the line and what it printed. */
export async function worldFor(state: string): Promise<World> {
  const w = createWorld(undefined, { clock: 'virtual' });
  for (const line of stateCommands(state)) {
    const r = await w.exec(line);
    if (r.exitCode !== 0) throw new Error(`figure state: "${line}" failed with exit code ${r.exitCode}: ${r.stderr.trim().split('\n').pop() ?? ''}`);
  }
  return w;
}
