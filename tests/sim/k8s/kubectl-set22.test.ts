/**
 * kubectl set env, resources, serviceaccount and selector (session 22, kubernetes/kubectl@v0.30.5:pkg/cmd/set/).
 * The client's texts were checked against kubectl v1.30.13 with `--local -f` (corpus kset22); here: the live cluster
 * side, the rollout a changed template causes, the container wildcard and the server's conversion of serviceAccount.
 */
import { describe, expect, it } from 'vitest';
import { selectString } from '../../../src/sim/shell/commands/kubectl/set-podspec.ts';
import { k8sWorld } from './helpers.ts';

describe('kubectl set on node1', () => {
  it('selectString keeps helper.go wildcard walk', () => {
    expect(selectString('nginx', '*')).toBe(true);
    expect(selectString('nginx', 'ngi*')).toBe(true);
    expect(selectString('nginx', '*inx')).toBe(true);
    // The first part is never anchored (pos is still 0 when checked): kubectl v1.30.13 selects nginx with -c 'x*' too.
    expect(selectString('nginx', 'x*')).toBe(true);
    expect(selectString('nginx', '*x')).toBe(true);
    expect(selectString('nginx', '*y')).toBe(false);
    expect(selectString('side', 'nginx')).toBe(false);
  });

  it('set env patches the template, rolls it out and lists it', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create deployment web --image=nginx:1.27');
    await w.exec('kubectl create configmap cfg --from-literal=mode=prod');
    expect(await w.exec('kubectl set env deploy/web A=1')).toMatchObject({ stdout: 'deployment.apps/web env updated\n', stderr: '', exitCode: 0 });
    // The same value again is a `{}` patch: nothing printed, exit 0.
    expect(await w.exec('kubectl set env deploy/web A=1')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(await w.exec('kubectl set env deploy/web A=2 --overwrite=false')).toMatchObject({
      stderr: "error: deployment.apps/web\n 'A' already has a value (1), and --overwrite is false\n",
      exitCode: 1,
    });
    const from = await w.exec('kubectl set env deploy/web --from=configmap/cfg');
    expect(from.stderr).toBe('Warning: key mode transferred to MODE\n');
    expect((await w.exec('kubectl set env deploy/web --list --resolve')).stdout).toBe('# Deployment web, container nginx\nA=1\nMODE=prod\n');
    expect((await w.exec('kubectl get rs -o name')).stdout.trim().split('\n')).toHaveLength(3);
    expect((await w.exec('kubectl get deploy web -o jsonpath={.metadata.generation}')).stdout).toBe('3');
    expect(await w.exec('kubectl set env deploy/web B=1 -c nope')).toMatchObject({
      stdout: '',
      stderr: 'Warning: Deployment/web does not have any containers matching "nope"\n',
      exitCode: 0,
    });
  });

  it('set resources leaves a template’s requests as written; set sa mirrors serviceAccount', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create deployment web --image=nginx:1.27');
    expect((await w.exec('kubectl set resources deploy/web --limits=cpu=200m')).stdout).toBe('deployment.apps/web resource requirements updated\n');
    expect((await w.exec("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].resources}'")).stdout).toBe('{"limits":{"cpu":"200m"}}');
    expect(await w.exec('kubectl set resources deploy/web -c x --limits=cpu=1')).toMatchObject({
      stderr: 'error: unable to find container named x\n',
      exitCode: 1,
    });
    // set serviceaccount prints even when nothing changes (its Run has no `{}` check).
    expect((await w.exec('kubectl set sa deploy/web robot')).stdout).toBe('deployment.apps/web serviceaccount updated\n');
    expect((await w.exec('kubectl set sa deploy/web robot')).stdout).toBe('deployment.apps/web serviceaccount updated\n');
    expect((await w.exec("kubectl get deploy web -o jsonpath='{.spec.template.spec.serviceAccount}/{.spec.template.spec.serviceAccountName}'")).stdout).toBe(
      'robot/robot',
    );
  });

  it('set selector replaces a Service selector and refuses the rest', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create service clusterip web --tcp=80:80');
    expect((await w.exec('kubectl set selector svc/web app=api')).stdout).toBe('service/web selector updated\n');
    expect((await w.exec("kubectl get svc web -o jsonpath='{.spec.selector}'")).stdout).toBe('{"app":"api"}');
    expect((await w.exec("kubectl set selector svc/web 'app!=x'")).stderr).toBe('error: "!=" is not a valid label selector operator\n');
    expect((await w.exec('kubectl set subject')).stderr).toBe(
      'kubectl set subject: not simulated on node1 (this kubectl sets: env, image, resources, selector, serviceaccount)\n',
    );
  });

  it('a --local object prints -o json as its Go struct, fields in declaration order (kubectl v1.30.13, byte for byte)', async () => {
    const w = k8sWorld();
    const manifest =
      'apiVersion: apps/v1\\nkind: Deployment\\nmetadata:\\n  name: web\\nspec:\\n  selector:\\n    matchLabels: {app: web}\\n  template:\\n    metadata:\\n      labels: {app: web}\\n    spec:\\n      containers:\\n      - name: nginx\\n        image: nginx\\n        env:\\n        - name: A\\n          value: "1"\\n';
    await w.exec(`printf '${manifest}' > d.yaml`);
    expect((await w.exec('kubectl set env --local -f d.yaml A- -o json')).stdout).toBe(`{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "web",
        "creationTimestamp": null
    },
    "spec": {
        "selector": {
            "matchLabels": {
                "app": "web"
            }
        },
        "template": {
            "metadata": {
                "creationTimestamp": null,
                "labels": {
                    "app": "web"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "nginx",
                        "image": "nginx",
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
`);
  });
});
