/**
 * nginxinc/nginx-unprivileged:1.25 runs as UID 101 and listens on 8080, so E13.1's model answer (restricted: non-root,
 * drop ALL, no escalation, RuntimeDefault seccomp) runs on containerd 1.7; the stock nginx:1.25 with the same
 * securityContext is admitted but dies creating its cache directory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createWorld } from '../../../src/sim/index.ts';

const e131 = parse(readFileSync(join(import.meta.dirname, '../../../content/exercises/e13.1.yaml'), 'utf8')) as { solution: { 'pod.yaml': string } };
const write = (text: string) =>
  `printf '%s\\n' ${text
    .trimEnd()
    .split('\n')
    .map((l) => `'${l.replace(/'/g, `'\\''`)}'`)
    .join(' ')} > pod.yaml`;

describe('nginxinc/nginx-unprivileged:1.25', () => {
  it('its config says USER 101 and EXPOSE 8080, as its Dockerfile does', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('docker pull nginxinc/nginx-unprivileged:1.25');
    expect(
      (await w.exec("docker image inspect -f '{{.Config.User}} {{json .Config.ExposedPorts}} {{.Config.StopSignal}}' nginxinc/nginx-unprivileged:1.25")).stdout,
    ).toBe('101 {"8080/tcp":{}} SIGQUIT\n');
    expect((await w.exec('docker run --rm nginxinc/nginx-unprivileged:1.25 grep "listen " /etc/nginx/conf.d/default.conf')).stdout).toBe(
      '    listen       8080;\n',
    );
    expect((await w.exec('docker run --rm nginxinc/nginx-unprivileged:1.25 grep client_body_temp_path /etc/nginx/nginx.conf')).stdout).toBe(
      '    client_body_temp_path /tmp/client_temp;\n',
    );
  });
  it('under Docker it serves the welcome page on 8080, master and workers as UID 101', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('docker run -d --name web -p 8080:8080 nginxinc/nginx-unprivileged:1.25');
    expect((await w.exec("docker inspect -f '{{.State.Status}}' web")).stdout).toBe('running\n');
    expect((await w.exec('curl -s localhost:8080')).stdout).toContain('<title>Welcome to nginx!</title>');
    // docker top runs the host's ps -ef: UID 101 is messagebus on the Ubuntu host, cut to 8 cells (procps-ng@v4.0.4 do_pr_name).
    const top = (await w.exec('docker top web')).stdout;
    expect(top).not.toMatch(/^root /m);
    expect(top).toMatch(/^message\+ +\d+ .* nginx: master process nginx -g daemon off;$/m);
  });
  it("E13.1's solution runs in a pod: nginx on 8080 as UID 101, workers too", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(write(e131.solution['pod.yaml']));
    expect((await w.exec('kubectl apply -f pod.yaml')).stdout).toBe('pod/web created\n');
    await w.exec('sleep 10');
    expect((await w.exec('kubectl get pod web')).stdout).toMatch(/^web +1\/1 +Running +0 /m);
    const logs = (await w.exec('kubectl logs web')).stdout;
    expect(logs).toContain('10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf differs from the packaged version\n');
    expect(logs).toMatch(/\[notice\] 1#1: start worker processes\n/);
    expect((await w.exec('kubectl exec web -- id')).stdout).toBe('uid=101(nginx) gid=101(nginx) groups=101(nginx)\n');
    const ip = (await w.exec("kubectl get pod web -o jsonpath='{.status.podIP}'")).stdout;
    expect((await w.exec(`nc -z ${ip} 8080; echo $?`)).stdout).toBe('0\n');
  });
  it('the stock nginx:1.25 with the same securityContext is admitted but cannot create its cache directory', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(write(e131.solution['pod.yaml'].replace('nginxinc/nginx-unprivileged:1.25', 'nginx:1.25').replace('8080', '80')));
    expect((await w.exec('kubectl apply -f pod.yaml')).stdout).toBe('pod/web created\n');
    await w.exec('sleep 40');
    const logs = (await w.exec('kubectl logs web')).stdout;
    expect(logs).toContain('[emerg] 1#1: mkdir() "/var/cache/nginx/client_temp" failed (13: Permission denied)\n');
    expect((await w.exec('kubectl get pod web')).stdout).toMatch(/^web +0\/1 +CrashLoopBackOff /m);
  });
});
