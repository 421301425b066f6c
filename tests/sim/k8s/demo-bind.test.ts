/**
 * Binding ports in a pod on containerd 1.7, where ip_unprivileged_port_start stays 1024 and an added capability
 * is bounding-only for a non-root user (no ambient capabilities):
 * - cloudnatived/demo:hello listens on :8888, so it runs as UID 1000 with every capability dropped;
 * - alpine's busybox `nc -l -p 80` as UID 1000 with NET_BIND_SERVICE added dies with "nc: bind: Permission denied"
 *   and the kubelet backs off; as root with only NET_BIND_SERVICE it binds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createWorld } from '../../../src/sim/index.ts';

const e111 = parse(readFileSync(join(import.meta.dirname, '../../../content/exercises/e11.1.yaml'), 'utf8')) as { solution: { 'pod.yaml': string } };
const write = (text: string) =>
  `printf '%s\\n' ${text
    .trimEnd()
    .split('\n')
    .map((l) => `'${l}'`)
    .join(' ')} > pod.yaml`;

const pod = (name: string, image: string, command: string, sc: string[]) =>
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: ${name}' 'spec:' '  containers:' '  - name: ${name}' '    image: ${image}'${command} '    securityContext:' ${sc.map((l) => `'      ${l}'`).join(' ')} > ${name}.yaml`;
const NC = ` '    command: ["nc", "-l", "-p", "80"]'`;
const BIND = ['allowPrivilegeEscalation: false', 'capabilities:', '  drop: ["ALL"]', '  add: ["NET_BIND_SERVICE"]'];

describe('cloudnatived/demo:hello in a pod', () => {
  it('as UID 1000 with no capability at all it runs, prints its start line and listens on 8888', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(pod('demo', 'cloudnatived/demo:hello', '', ['runAsUser: 1000', 'allowPrivilegeEscalation: false', 'capabilities:', '  drop: ["ALL"]']));
    expect((await w.exec('kubectl apply -f demo.yaml')).stdout).toBe('pod/demo created\n');
    await w.exec('sleep 40');
    expect((await w.exec('kubectl logs demo')).stdout).toBe('Running demo app. Press Ctrl+C to exit...\n');
    expect((await w.exec('kubectl get pod demo')).stdout).toMatch(/^demo +1\/1 +Running +0 /m);
    const ip = (await w.exec("kubectl get pod demo -o jsonpath='{.status.podIP}'")).stdout;
    expect((await w.exec(`nc -z ${ip} 8888; echo $?`)).stdout).toBe('0\n');
    expect((await w.exec(`nc -z ${ip} 80; echo $?`)).stdout).toBe('1\n');
  });
  it("E11.1's solution (root, every capability dropped, none added) runs and serves 8888", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(write(e111.solution['pod.yaml']));
    expect((await w.exec('kubectl apply -f pod.yaml')).stdout).toBe('pod/demo created\n');
    await w.exec('sleep 40');
    expect((await w.exec('kubectl get pod demo')).stdout).toMatch(/^demo +1\/1 +Running +0 /m);
    const ip = (await w.exec("kubectl get pod demo -o jsonpath='{.status.podIP}'")).stdout;
    expect((await w.exec(`nc -z ${ip} 8888; echo $?`)).stdout).toBe('0\n');
  });
  it('has no ExposedPorts and no User in its config, as its Dockerfile has no EXPOSE and no USER', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('docker pull cloudnatived/demo:hello');
    const config = JSON.parse((await w.exec("docker image inspect -f '{{json .Config}}' cloudnatived/demo:hello")).stdout);
    expect(config.ExposedPorts).toBeUndefined();
    expect([config.User, config.Entrypoint, config.Cmd]).toEqual(['', ['/bin/demo'], null]);
  });
});

describe('binding port 80 in a pod', () => {
  it('as UID 1000 with NET_BIND_SERVICE added, busybox nc fails to bind and the pod goes into CrashLoopBackOff', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(pod('web', 'alpine:3.20', NC, ['runAsUser: 1000', ...BIND]));
    expect((await w.exec('kubectl apply -f web.yaml')).stdout).toBe('pod/web created\n');
    await w.exec('sleep 40');
    expect((await w.exec('kubectl logs web')).stdout).toBe('nc: bind: Permission denied\n');
    expect((await w.exec('kubectl get pod web')).stdout).toMatch(/^web +0\/1 +CrashLoopBackOff +3 \(\d+s ago\)/m);
  });
  it('nc -l -p 80 run with kubectl exec as UID 1000 fails the same way; a bad port is named', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(pod('caps', 'alpine:3.20', ` '    command: ["sleep", "3600"]'`, ['runAsUser: 1000', ...BIND]));
    await w.exec('kubectl apply -f caps.yaml');
    await w.exec('sleep 5');
    const r = await w.exec('kubectl exec caps -- nc -l -p 80');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'nc: bind: Permission denied\ncommand terminated with exit code 1\n', 1]);
    expect((await w.exec('kubectl exec caps -- nc -l -p http8')).stderr).toBe("nc: bad port 'http8'\ncommand terminated with exit code 1\n");
  });
  it('as root with only NET_BIND_SERVICE it binds and keeps running', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(pod('web', 'alpine:3.20', NC, BIND));
    await w.exec('kubectl apply -f web.yaml');
    await w.exec('sleep 40');
    expect((await w.exec('kubectl logs web')).stdout).toBe('');
    expect((await w.exec('kubectl get pod web')).stdout).toMatch(/^web +1\/1 +Running +0 /m);
  });
  it("a pod's network namespace keeps the kernel's defaults on containerd 1.7; Docker's has 0 and every group", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('kubectl run caps --image=alpine:3.20 -- sleep 3600');
    await w.exec('sleep 5');
    expect((await w.exec('kubectl exec caps -- sysctl net.ipv4.ip_unprivileged_port_start net.ipv4.ping_group_range')).stdout).toBe(
      'net.ipv4.ip_unprivileged_port_start = 1024\nnet.ipv4.ping_group_range = 1\t0\n',
    );
    expect((await w.exec('docker run --rm alpine:3.20 sysctl net.ipv4.ip_unprivileged_port_start net.ipv4.ping_group_range')).stdout).toBe(
      'net.ipv4.ip_unprivileged_port_start = 0\nnet.ipv4.ping_group_range = 0\t2147483647\n',
    );
  });
  it('in Docker, UID 1000 with no capabilities binds port 80: ip_unprivileged_port_start is 0 there', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('docker run -d --name web --user 1000 --cap-drop ALL alpine nc -l -p 80');
    expect((await w.exec("docker inspect -f '{{.State.Status}}' web")).stdout).toBe('running\n');
    const r = await w.exec('docker run --rm --user 1000 --cap-drop ALL --sysctl net.ipv4.ip_unprivileged_port_start=1024 alpine nc -l -p 80');
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'nc: bind: Permission denied\n', 1]);
  });
});
