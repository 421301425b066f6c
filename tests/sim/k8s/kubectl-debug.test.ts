/**
 * kubectl debug with ephemeral containers (kubernetes/kubectl@v0.30.5:pkg/cmd/debug/debug.go, profiles.go; the API
 * server's ephemeralcontainers subresource; the kubelet starting the container once in the pod's sandbox, with
 * --target in the target container's PID namespace).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createWorld } from '../../../src/sim/index.ts';

type W = ReturnType<typeof createWorld>;
const run = async (w: W, line: string) => {
  let shown = '';
  const r = await w.exec(line, { onOutput: (c) => void (shown += c.text) });
  return { ...r, shown: shown || r.stdout + r.stderr };
};
const nameIn = (stdout: string) => /Defaulting debug container name to (debugger-[bcdfghjklmnpqrstvwxz2456789]{5})\.\n/.exec(stdout)?.[1] ?? '';
const TARGETING = (c: string) =>
  `Targeting container "${c}". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n`;
const HINT = "If you don't see a command prompt, try pressing enter.\n";

async function nginxPod(): Promise<W> {
  const w = createWorld(undefined, { clock: 'virtual' });
  expect((await w.exec('kubectl run web --image nginx:1.25')).stdout).toBe('pod/web created\n');
  expect((await w.exec('kubectl get pod web')).stdout).toMatch(/^web +1\/1 +Running +0 /m);
  return w;
}

describe('kubectl debug -it POD --image=busybox --target=CONTAINER', () => {
  it("attaches a busybox shell that sees the target's processes, and reports the session's end", async () => {
    const w = await nginxPod();
    const r = await w.exec('kubectl debug -it web --image=busybox --target=web');
    const cn = nameIn(r.stdout);
    expect(r).toEqual({ stdout: `${TARGETING('web')}Defaulting debug container name to ${cn}.\n`, stderr: HINT, exitCode: 0 });
    // The target's PID namespace: nginx is PID 1 (its workers run as 101, which busybox's passwd does not name).
    expect((await run(w, 'ps')).shown).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 nginx: master process nginx -g daemon off;\n' +
        '   29 101       0:00 nginx: worker process\n   30 101       0:00 nginx: worker process\n   31 101       0:00 nginx: worker process\n   32 101       0:00 nginx: worker process\n' +
        '   33 root      0:00 sh\n   34 root      0:00 ps\n',
    );
    expect((await run(w, 'id')).shown).toBe('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n');
    expect((await run(w, 'hostname')).shown).toBe('web\n');
    // attach.go reattachMessage, on stdout, for a container under spec.ephemeralContainers.
    expect((await run(w, 'exit')).shown).toBe(
      `Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach web -c ${cn} -i -t' if it is still running\n`,
    );
    expect((await w.exec('kubectl get pod web')).stdout).toMatch(/^web +1\/1 +Running +0 /m);
  });

  it('without --target the debugger has a PID namespace of its own; the pod still shares its network and hostname', async () => {
    const w = await nginxPod();
    const ip = (await w.exec("kubectl get pod web -o jsonpath='{.status.podIP}'")).stdout;
    const r = await w.exec('kubectl debug -it web --image=busybox');
    expect(r.stdout).toBe(`Defaulting debug container name to ${nameIn(r.stdout)}.\n`);
    expect((await run(w, 'ps')).shown).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sh\n    7 root      0:00 ps\n');
    expect((await run(w, 'ip -4 addr show eth0')).shown).toContain(`inet ${ip}/24`);
    expect((await run(w, 'hostname')).shown).toBe('web\n');
  });

  it('shows the ephemeral container in get -o yaml (spec and status) and in describe, with its events', async () => {
    const w = await nginxPod();
    const cn = nameIn((await w.exec('kubectl debug -it web --image=busybox --target=web')).stdout);
    await w.exec('exit');
    const yaml = (await w.exec('kubectl get pod web -o yaml')).stdout;
    expect(yaml).toContain(`  ephemeralContainers:
  - image: busybox
    imagePullPolicy: Always
    name: ${cn}
    resources: {}
    stdin: true
    targetContainerName: web
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    tty: true
  nodeName: node1
`);
    expect(yaml).toMatch(
      new RegExp(`  ephemeralContainerStatuses:
  - containerID: containerd://[0-9a-f]{64}
    image: docker.io/library/busybox:latest
    imageID: docker.io/library/busybox@sha256:[0-9a-f]{64}
    lastState: \\{\\}
    name: ${cn}
    ready: false
    restartCount: 0
    state:
      terminated:
        containerID: containerd://[0-9a-f]{64}
        exitCode: 0
        finishedAt: "[^"]+"
        reason: Completed
        startedAt: "[^"]+"
  hostIP: 10.0.0.11
`),
    );
    const d = (await w.exec('kubectl describe pod web')).stdout;
    expect(d).toMatch(
      new RegExp(`\nEphemeral Containers:
  ${cn}:
    Container ID:   containerd://[0-9a-f]{64}
    Image:          busybox
    Image ID:       docker.io/library/busybox@sha256:[0-9a-f]{64}
    Port:           <none>
    Host Port:      <none>
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Mon, 16 Sep 2024 11:45:0\\d \\+0000
      Finished:     Mon, 16 Sep 2024 11:45:0\\d \\+0000
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:         <none>
Conditions:
`),
    );
    expect(d).toMatch(
      new RegExp(`  Normal  Pulling    \\d+s +kubelet            Pulling image "busybox"
  Normal  Pulled     \\d+s +kubelet            Successfully pulled image "busybox" in 471ms \\(471ms including waiting\\)\\. Image size: 4261550 bytes\\.
  Normal  Created    \\d+s +kubelet            Created container ${cn}
  Normal  Started    \\d+s +kubelet            Started container ${cn}
$`),
    );
    // The kubelet's events name the container by its field path under spec.ephemeralContainers.
    const paths = (await w.exec("kubectl get events -o jsonpath='{.items[*].involvedObject.fieldPath}'")).stdout;
    expect(paths.split(' ').filter((x) => x.includes(cn))).toEqual(Array(4).fill(`spec.ephemeralContainers{${cn}}`));
  });

  it('runs a command without attaching; its output is the container log, and logs/exec name it with -c', async () => {
    const w = await nginxPod();
    const r = await w.exec('kubectl debug web --image=busybox:1.36 -c probe --target=web -- ps');
    expect(r).toEqual({ stdout: TARGETING('web'), stderr: '', exitCode: 0 });
    expect((await w.exec('kubectl logs web -c probe')).stdout).toBe(
      'PID   USER     TIME  COMMAND\n    1 root      0:00 nginx: master process nginx -g daemon off;\n' +
        '   29 101       0:00 nginx: worker process\n   30 101       0:00 nginx: worker process\n   31 101       0:00 nginx: worker process\n   32 101       0:00 nginx: worker process\n' +
        '   33 root      0:00 ps\n',
    );
    // polymorphichelpers/logsforobject.go: the first container, with the note naming the ephemeral one.
    expect((await w.exec('kubectl logs web --tail=1')).stderr).toBe('Defaulted container "web" out of: web, probe (ephem)\n');
    // A name that is taken is the API server's Duplicate; a target that does not exist is its NotFound.
    expect(await w.exec('kubectl debug web --image=busybox -c web')).toEqual({
      stdout: '',
      stderr: 'The Pod "web" is invalid: spec.ephemeralContainers[1].name: Duplicate value: "web"\n',
      exitCode: 1,
    });
    const bad = await w.exec('kubectl debug web --image=busybox --target=nope');
    expect(bad.stdout).toBe(`${TARGETING('nope')}Defaulting debug container name to ${nameIn(bad.stdout)}.\n`);
    expect([bad.stderr, bad.exitCode]).toEqual(['The Pod "web" is invalid: spec.ephemeralContainers[1].targetContainerName: Not found: "nope"\n', 1]);
  });
});

describe('kubectl debug under Pod Security Admission', () => {
  const e131 = parse(readFileSync(join(import.meta.dirname, '../../../content/exercises/e13.1.yaml'), 'utf8')) as { solution: { 'pod.yaml': string } };
  const write = (text: string) =>
    `printf '%s\\n' ${text
      .trimEnd()
      .split('\n')
      .map((l) => `'${l.replace(/'/g, `'\\''`)}'`)
      .join(' ')} > pod.yaml`;
  async function restricted(): Promise<W> {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(write(e131.solution['pod.yaml']));
    await w.exec('kubectl create ns secure');
    await w.exec('kubectl label ns secure pod-security.kubernetes.io/enforce=restricted');
    expect((await w.exec('kubectl apply -n secure -f pod.yaml')).stdout).toBe('pod/web created\n');
    await w.exec('sleep 5');
    return w;
  }

  it("a restricted namespace refuses the legacy profile's root debugger with the real Forbidden message", async () => {
    const w = await restricted();
    const r = await w.exec('kubectl debug -n secure -it web --image=busybox');
    const cn = nameIn(r.stdout);
    expect(r).toEqual({
      stdout: `Defaulting debug container name to ${cn}.\n`,
      stderr: `Error from server (Forbidden): pods "web" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "${cn}" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "${cn}" must set securityContext.capabilities.drop=["ALL"])\n`,
      exitCode: 1,
    });
    // general adds SYS_PTRACE, which restricted does not allow either.
    const g = await w.exec('kubectl debug -n secure web --image=busybox --profile=general');
    const gn = nameIn(g.stdout);
    expect(g.stderr).toBe(
      `Error from server (Forbidden): pods "web" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "${gn}" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "${gn}" must set securityContext.capabilities.drop=["ALL"]; container "${gn}" must not include "SYS_PTRACE" in securityContext.capabilities.add)\n`,
    );
    expect((await w.exec("kubectl get pod -n secure web -o jsonpath='{.spec.ephemeralContainers}'")).stdout).toBe('');
  });

  it("--profile=restricted is admitted and runs as the pod's non-root user, in the target's PID namespace", async () => {
    const w = await restricted();
    const r = await w.exec('kubectl debug -n secure -it web --image=busybox --profile=restricted --target=web');
    const cn = nameIn(r.stdout);
    expect(r).toEqual({ stdout: `${TARGETING('web')}Defaulting debug container name to ${cn}.\n`, stderr: HINT, exitCode: 0 });
    expect((await run(w, 'id')).shown).toBe('uid=101 gid=0(root) groups=0(root)\n');
    expect((await run(w, 'grep -E "^(CapEff|NoNewPrivs|Seccomp):" /proc/self/status')).shown).toBe(
      'NoNewPrivs:\t1\nSeccomp:\t2\n'.replace('NoNewPrivs', 'CapEff:\t0000000000000000\nNoNewPrivs'),
    );
    await w.exec('exit');
    expect((await w.exec("kubectl get pod -n secure web -o jsonpath='{.spec.ephemeralContainers[0].securityContext}'")).stdout).toBe(
      '{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}}',
    );
    expect((await w.exec('kubectl describe pod -n secure web')).stdout).toContain(
      `\n    Host Port:       <none>\n    SeccompProfile:  RuntimeDefault\n    State:           Terminated\n`,
    );
  });

  it('restricted on a root image: the kubelet refuses to start it, and kubectl reports the waiting message as a warning', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec('kubectl run x --image=alpine -- sleep 1000');
    const r = await w.exec('kubectl debug -it x --image=busybox --profile=restricted');
    const cn = nameIn(r.stdout);
    const uid = (await w.exec("kubectl get pod x -o jsonpath='{.metadata.uid}'")).stdout;
    expect(r.stderr.split('\n')[0]).toBe(
      `Warning: container ${cn}: container has runAsNonRoot and image will run as root (pod: "x_default(${uid})", container: ${cn})`,
    );
    expect(r.exitCode).toBe(1);
    expect((await w.exec("kubectl get pod x -o jsonpath='{.status.ephemeralContainerStatuses[0].state.waiting.reason}'")).stdout).toBe(
      'CreateContainerConfigError',
    );
  });
});

describe("kubectl debug: flags and usage errors, in debug.go's order and words", () => {
  it.each([
    ['kubectl debug web', 'error: you must specify --image when not using --copy-to.\n'],
    ['kubectl debug --image=busybox', 'error: NAME or filename is required for debug\n'],
    ['kubectl debug web --image=BusyBox', 'error: invalid image name "BusyBox": invalid reference format\n'],
    ['kubectl debug web --image=busybox --image-pull-policy=Sometimes', 'error: invalid image pull policy: Sometimes\n'],
    ['kubectl debug web --image=busybox --profile=admin', 'error: unknown profile: admin\n'],
    ['kubectl debug web --image=busybox -t', 'error: -i/--stdin is required for containers with -t/--tty=true\n'],
    ['kubectl debug web --attach', 'error: you must specify --container or create a new container using --image in order to attach.\n'],
    ['kubectl debug web --image=busybox --replace', 'error: --replace may only be used with --copy-to.\n'],
    ['kubectl debug web --image=busybox --same-node', 'error: --same-node may only be used with --copy-to.\n'],
    [
      'kubectl debug web --image=busybox --env=FOO',
      'error: invalid argument "FOO" for "--env" flag: FOO must be formatted as key=value\nSee \'kubectl debug --help\' for usage.\n',
    ],
    ['kubectl debug web --image=busybox --bogus', "error: unknown flag: --bogus\nSee 'kubectl debug --help' for usage.\n"],
    ['kubectl debug nope --image=busybox', 'Error from server (NotFound): pods "nope" not found\n'],
    ['kubectl debug web --image=busybox --set-image=web=nginx', 'error: --set-image may only be used with --copy-to.\n'],
    ['kubectl debug web --copy-to=x', 'error: you must specify --image, --set-image or command arguments.\n'],
    ['kubectl debug web --copy-to=x -- sh', 'error: you must specify an existing container or a new image when specifying args.\n'],
    [
      'kubectl debug web --copy-to=x --set-image=web',
      'error: invalid argument "web" for "--set-image" flag: web must be formatted as key=value\nSee \'kubectl debug --help\' for usage.\n',
    ],
    ['kubectl debug web --copy-to=x --set-image=web=Nginx', 'error: invalid image name "Nginx" for container "web": invalid reference format\n'],
    ['kubectl debug web --copy-to=x --image=busybox --target=web', 'error: --target is incompatible with --copy-to. Use --share-processes instead.\n'],
  ])('%s', async (line, stderr) => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const r = await w.exec(line);
    expect([r.stderr, r.exitCode]).toEqual([stderr, 1]);
  });

  it('names a Deployment as kubectl does (not supported by debug); -q drops the notes; --env reaches the container', async () => {
    const w = await nginxPod();
    await w.exec(
      "printf '%s\\n' 'apiVersion: apps/v1' 'kind: Deployment' 'metadata:' '  name: d' 'spec:' '  selector:' '    matchLabels:' '      app: d' '  template:' '    metadata:' '      labels:' '        app: d' '    spec:' '      containers:' '      - name: d' '        image: nginx:1.25' > d.yaml",
    );
    await w.exec('kubectl apply -f d.yaml');
    expect(await w.exec('kubectl debug deploy/d --image=busybox')).toEqual({
      stdout: '',
      stderr: 'error: "apps/v1, Kind=Deployment" not supported by debug\n',
      exitCode: 1,
    });
    expect(await w.exec('kubectl debug -q web --image=busybox --target=web --env=B=2,A=1 -- printenv A B')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const ecs = (await w.exec("kubectl get pod web -o jsonpath='{.spec.ephemeralContainers[0].name} {.spec.ephemeralContainers[0].env}'")).stdout;
    const cn = ecs.split(' ')[0]!;
    expect(ecs).toBe(`${cn} [{"name":"A","value":"1"},{"name":"B","value":"2"}]`);
    expect((await w.exec(`kubectl logs web -c ${cn}`)).stdout).toBe('1\n2\n');
  });

  it('--help prints the page of debug.go (Long, examples, the flags sorted, the usage line)', async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    const page = (await w.exec('kubectl debug --help | cat')).stdout;
    expect(page.startsWith("Debug cluster resources using interactive debugging containers.\n\n 'debug' provides automation")).toBe(true);
    expect(page).toContain(
      '\n  *  Workload: Add an ephemeral container to an already running pod, for example to add debugging utilities without restarting the pod.\n',
    );
    expect(page).toContain('\n    --profile=\'legacy\':\n\tOptions are "legacy", "general", "baseline", "netadmin", "restricted" or "sysadmin".\n');
    expect(
      page.endsWith(
        'Usage:\n  kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
      ),
    ).toBe(true);
    expect((await w.exec('kubectl help debug | cat')).stdout).toBe(page);
  });
});

describe('kubectl debug POD --copy-to=NAME', () => {
  it('-it --share-processes: a copy of the pod with the debugger as one more container, sharing one PID namespace', async () => {
    const w = await nginxPod();
    const r = await w.exec('kubectl debug web -it --copy-to=web-debug --image=busybox --share-processes');
    const cn = nameIn(r.stdout);
    expect(r).toEqual({ stdout: `Defaulting debug container name to ${cn}.\n`, stderr: HINT, exitCode: 0 });
    // The pod's PID namespace: pause is PID 1, nginx and the shell beside it.
    const ps = (await run(w, 'ps')).shown;
    expect(ps).toMatch(/^PID +USER +TIME +COMMAND\n +1 65535 +0:00 \/pause\n +\d+ root +0:00 nginx: master process nginx -g daemon off;\n/);
    expect(ps).toMatch(/ root +0:00 sh\n +\d+ root +0:00 ps\n$/);
    expect((await run(w, 'exit')).shown).toBe(`Session ended, resume using 'kubectl attach web-debug -c ${cn} -i -t' command when the pod is running\n`);
    const spec = parse((await w.exec('kubectl get pod web-debug -o yaml')).stdout).spec;
    expect(spec.shareProcessNamespace).toBe(true);
    expect(
      spec.containers.map((c: { name: string; image: string; stdin?: boolean; tty?: boolean }) => [c.name, c.image, c.stdin ?? false, c.tty ?? false]),
    ).toEqual([
      ['web', 'nginx:1.25', false, false],
      [cn, 'busybox', true, true],
    ]);
    // One service-account token volume: the copy's own is reused, and the debugger mounts it too.
    expect(spec.volumes.filter((v: { name: string }) => v.name.startsWith('kube-api-access-'))).toHaveLength(1);
    expect(spec.containers[1].volumeMounts).toEqual([
      { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: spec.volumes[0].name, readOnly: true },
    ]);
    const labels = (await w.exec("kubectl get pod web-debug -o jsonpath='{.metadata.labels}'")).stdout;
    expect(labels).toBe('');
  });

  it('--set-image alone copies with the new image; --replace deletes the original; an existing name is AlreadyExists', async () => {
    const w = await nginxPod();
    expect(await w.exec('kubectl debug web --copy-to=web2 --set-image=*=nginx:1.27 --replace')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await w.exec('kubectl get pods -o jsonpath=\'{range .items[*]}{.metadata.name} {.spec.containers[*].image}{"\\n"}{end}\'')).stdout).toBe(
      'web2 nginx:1.27\n',
    );
    expect(await w.exec('kubectl debug web2 --copy-to=web2 --image=busybox -q')).toEqual({
      stdout: '',
      stderr: 'Error from server (AlreadyExists): pods "web2" already exists\n',
      exitCode: 1,
    });
  });

  it("--profile=general drops the copy's labels and probes and adds SYS_PTRACE; -c names the debug container; -- COMMAND runs in it", async () => {
    const w = createWorld(undefined, { clock: 'virtual' });
    await w.exec(
      "printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: web' '  labels:' '    app: web' 'spec:' '  containers:' '  - name: web' '    image: nginx:1.25' '    readinessProbe:' '      tcpSocket:' '        port: 80' > p.yaml",
    );
    await w.exec('kubectl apply -f p.yaml');
    expect(await w.exec('kubectl debug web --copy-to=dbg --profile=general -c tools --image=busybox -- echo hi')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    const pod = parse((await w.exec('kubectl get pod dbg -o yaml')).stdout);
    expect(pod.metadata.labels).toBeUndefined();
    expect(pod.spec.containers[0].readinessProbe).toBeUndefined();
    expect(pod.spec.containers[1]).toMatchObject({ name: 'tools', command: ['echo', 'hi'], securityContext: { capabilities: { add: ['SYS_PTRACE'] } } });
    expect(pod.spec.shareProcessNamespace).toBe(true);
    expect((await w.exec('kubectl logs dbg -c tools')).stdout).toBe('hi\n');
  });
});
