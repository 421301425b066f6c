/**
 * The kubectl verbs session 19 added, each text quoted from kubernetes/kubectl@v0.30.5 beside its check:
 * api-resources/api-versions (pkg/cmd/apiresources), cluster-info (pkg/cmd/clusterinfo/clusterinfo.go), annotate
 * (pkg/cmd/annotate/annotate.go), events (pkg/cmd/events), auth (pkg/cmd/auth), cordon/uncordon/drain
 * (pkg/cmd/drain/drain.go, pkg/drain/filters.go), taint (pkg/cmd/taint), and the scheduler's FitError
 * (kubernetes@v1.30.0 pkg/scheduler/framework/types.go) for a cordoned or tainted node1.
 */
import { describe, expect, it } from 'vitest';
import { k8sWorld } from './helpers.ts';

describe('kubectl api-resources, api-versions, cluster-info', () => {
  it('api-resources: the header of printContextHeaders, core first, then groups by name; -o name adds .group', async () => {
    const w = k8sWorld();
    const r = await w.exec('kubectl api-resources');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    expect(lines[1]).toMatch(/^bindings +v1 +true +Binding$/);
    expect(r.stdout).toMatch(/\ndeployments +deploy +apps\/v1 +true +Deployment\n/);
    expect(lines.filter(Boolean)).toHaveLength(1 + 58);
    expect((await w.exec('kubectl api-resources -o name --api-group=batch')).stdout).toBe('cronjobs.batch\njobs.batch\n');
    // Validate: `--output %v is not available`, `--sort-by accepts only name or kind`; Complete: UsageErrorf.
    expect((await w.exec('kubectl api-resources -o json')).stderr).toBe('error: --output json is not available\n');
    expect((await w.exec('kubectl api-resources x')).stderr).toBe("error: unexpected arguments: [x]\nSee 'kubectl api-resources -h' for help and examples\n");
  });

  it('api-versions: sorted group/versions; cluster-info: printService with go-colortext, then the dump hint', async () => {
    const w = k8sWorld();
    const v = (await w.exec('kubectl api-versions')).stdout.split('\n');
    expect(v[0]).toBe('admissionregistration.k8s.io/v1');
    expect(v.at(-2)).toBe('v1');
    const c = await w.exec('kubectl cluster-info');
    expect(c.stdout).toBe(
      '\x1b[32mKubernetes control plane\x1b[0m is running at \x1b[33mhttps://10.0.0.11:6443\x1b[0m\n' +
        '\x1b[32mCoreDNS\x1b[0m is running at \x1b[33mhttps://10.0.0.11:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\x1b[0m\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });
});

describe('kubectl annotate', () => {
  it('validateNoAnnotationOverwrites, validateAnnotations and the printer operation "annotated"', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run web --image=nginx');
    expect((await w.exec('kubectl annotate pod web a=1')).stdout).toBe('pod/web annotated\n');
    expect((await w.exec('kubectl annotate pod web a=2')).stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1)\n",
    );
    expect((await w.exec('kubectl annotate pod web a- a=3')).stderr).toBe(
      'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    );
    // helpers.go GetResourcesAndPairs.
    expect((await w.exec('kubectl annotate a=1 pod web')).stderr).toBe('error: all resources must be specified before annotation changes: pod\n');
    expect((await w.exec('kubectl annotate pod web --list')).stdout).toBe('a=1\n');
  });

  it('-o prints each object with the printer Complete made (annotate.go: PrintObj), as kubectl v1.30.13 does', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run web --image=nginx');
    await w.exec('kubectl run db --image=nginx');
    // The YAML printer writes `---` before each document after the first (cli-runtime's YAMLPrinter printCount).
    const y = await w.exec('kubectl annotate pod web db note=x -o yaml');
    expect(y.stdout.match(/^(---|apiVersion: v1|    note: x)$/gm)).toEqual(['apiVersion: v1', '    note: x', '---', 'apiVersion: v1', '    note: x']);
    expect(JSON.parse((await w.exec('kubectl annotate pod web n2=y -o json')).stdout).metadata.annotations).toEqual({ n2: 'y', note: 'x' });
    expect((await w.exec(`kubectl annotate pod web n3=z --dry-run=client -o jsonpath='{.metadata.annotations.n3}'`)).stdout).toBe('z');
    expect((await w.exec('kubectl get pod web -o jsonpath={.metadata.annotations.n3}')).stdout).toBe('');
    expect((await w.exec('kubectl annotate pod web db n4=z -o name --dry-run=client')).stdout).toBe('pod/web\npod/db\n');
    // ToPrinter's error comes from Complete, before the arguments are read.
    expect((await w.exec('kubectl annotate pod web n5=q -o wide')).stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });
});

describe('kubectl events and auth', () => {
  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE; "No events found in %s namespace."; --types validation', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl events')).stderr).toBe('No events found in default namespace.\n');
    await w.exec('kubectl run web --image=nginx');
    const r = await w.exec('kubectl events --for pod/web');
    expect(r.stdout.split('\n')[0]).toMatch(/^LAST SEEN +TYPE +REASON +OBJECT +MESSAGE$/);
    expect(r.stdout).toMatch(/Normal +Scheduled +Pod\/web +Successfully assigned default\/web to node1\n/);
    expect((await w.exec('kubectl events --types=Info')).stderr).toBe('error: valid --types are Normal or Warning\n');
    expect((await w.exec('kubectl events --for web')).stderr).toBe('error: --for must be in resource/name form\n');
  });

  it('auth can-i says yes to kubernetes-admin, with the WarningPrinter for a cluster-scoped resource; whoami', async () => {
    const w = k8sWorld();
    const r = await w.exec('kubectl auth can-i get nodes 2>&1 | cat');
    expect(r.stdout).toMatch(/Warning:(\x1b\[0m)? resource 'nodes' is not namespace scoped\n\nyes\n$/);
    expect((await w.exec('kubectl auth whoami')).stdout).toBe(
      'ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [kubeadm:cluster-admins system:authenticated]\n',
    );
  });
});

describe('cordon, drain, taint and the scheduler', () => {
  it('cordon: "cordoned", "already cordoned"; a new pod stays Pending with the FitError message; uncordon binds it', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl cordon node1')).stdout).toBe('node/node1 cordoned\n');
    expect((await w.exec('kubectl cordon node1')).stdout).toBe('node/node1 already cordoned\n');
    await w.exec('kubectl run late --image=nginx');
    expect((await w.exec('kubectl get pod late -o jsonpath={.status.conditions[0].message}')).stdout).toBe(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
    expect((await w.exec('kubectl uncordon node1')).stdout).toBe('node/node1 uncordoned\n');
    expect((await w.exec('kubectl get pod late -o jsonpath={.spec.nodeName}')).stdout).toBe('node1');
  });

  it('drain: the unmanaged and DaemonSet errors (errors(): "cannot delete %s: %s"), then "There are pending nodes"', async () => {
    const w = k8sWorld();
    await w.exec('kubectl run solo --image=nginx');
    const r = await w.exec('kubectl drain node1');
    expect(r.stdout).toBe('node/node1 cordoned\n');
    expect(r.stderr).toContain(
      'error: unable to drain node "node1" due to error:[cannot delete cannot delete Pods that declare no controller (use --force to override): default/solo, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-',
    );
    expect(r.stderr).toContain('There are pending nodes to be drained:\n node1\n');
    expect(r.exitCode).toBe(1);
  });

  it('taint: tainted / modified / untainted; the untolerated taint keeps a new pod off node1', async () => {
    const w = k8sWorld();
    expect((await w.exec('kubectl taint nodes node1 k=v:NoSchedule')).stdout).toBe('node/node1 tainted\n');
    expect((await w.exec('kubectl taint nodes node1 k=w:NoSchedule')).stderr).toBe(
      'error: node node1 already has k taint(s) with same effect(s) and --overwrite is false\n',
    );
    await w.exec('kubectl run p --image=nginx');
    expect((await w.exec('kubectl get pod p -o jsonpath={.status.conditions[0].message}')).stdout).toBe(
      '0/1 nodes are available: 1 node(s) had untolerated taint {k: v}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling..',
    );
    expect((await w.exec('kubectl taint nodes node1 k-')).stdout).toBe('node/node1 untainted\n');
    expect((await w.exec('kubectl taint nodes node1 k-')).stderr).toBe('error: taint "k" not found\n');
    expect((await w.exec('kubectl taint pods p a=b:NoSchedule')).stderr).toBe('error: invalid resource type pods, only node types are supported\n');
  });
});
