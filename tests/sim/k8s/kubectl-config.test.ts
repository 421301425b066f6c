/**
 * kubectl config on node1 over /root/.kube/config (kubeconfig-io.ts, config.ts, config-set.ts) and the namespace and
 * server a context gives the other verbs (connect.ts); texts compared with kubectl v1.30.13 on the same files.
 */
import { describe, expect, it } from 'vitest';
import { k8sWorld, POD, write } from './helpers.ts';

describe('kubectl config', () => {
  it('root has kubeadm admin.conf copied to ~/.kube/config, 0600', async () => {
    const w = k8sWorld();
    expect((await w.exec('stat -c "%a %U %G" /root/.kube/config; cmp /root/.kube/config /etc/kubernetes/admin.conf && echo same')).stdout).toBe(
      '600 root root\nsame\n',
    );
  });

  it('set-context --current --namespace makes the namespace every verb defaults to; -n still wins', async () => {
    const w = k8sWorld();
    await w.exec('kubectl create namespace dev');
    expect(await w.exec('kubectl config set-context --current --namespace=dev')).toMatchObject({
      stdout: 'Context "kubernetes-admin@kubernetes" modified.\n',
      exitCode: 0,
    });
    expect((await w.exec('kubectl get pods')).stderr).toBe('No resources found in dev namespace.\n');
    await write(w, 'p.yaml', POD('web', ''));
    expect((await w.exec('kubectl apply -f p.yaml')).stdout).toBe('pod/web created\n');
    expect((await w.exec('kubectl get pods -o name; kubectl -n default get pods -o name')).stdout).toBe('pod/web\n');
    expect((await w.exec('kubectl config get-contexts')).stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   dev\n',
    );
    expect((await w.exec('grep namespace ~/.kube/config')).stdout).toBe('    namespace: dev\n');
  });

  it('use-context switches to a context the learner made; view --minify shows it alone, redacted', async () => {
    const w = k8sWorld();
    await w.exec('kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=dev');
    expect((await w.exec('kubectl config use-context dev')).stdout).toBe('Switched to context "dev".\n');
    expect((await w.exec('kubectl config current-context; kubectl config get-contexts -o name')).stdout).toBe('dev\ndev\nkubernetes-admin@kubernetes\n');
    expect((await w.exec('kubectl config view --minify')).stdout).toBe(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://10.0.0.11:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    namespace: dev
    user: kubernetes-admin
  name: dev
current-context: dev
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`);
    expect((await w.exec('kubectl config view --raw -o jsonpath={.users[0].user.client-key-data} | base64 -d | head -1')).stdout).toMatch(
      /^-----BEGIN RSA PRIVATE KEY-----\n$/,
    );
  });

  it("answers errors in kubectl's words", async () => {
    const w = k8sWorld();
    expect(await w.exec('kubectl config use-context nope')).toMatchObject({ stderr: 'error: no context exists with the name: "nope"\n', exitCode: 1 });
    expect((await w.exec('kubectl --context nope get pods')).stderr).toBe('Error in configuration: context was not found for specified context: nope\n');
    expect((await w.exec('kubectl config delete-context nope')).stderr).toBe('error: cannot delete context nope, not in /root/.kube/config\n');
    expect((await w.exec('kubectl config set-context --current -n x')).stderr).toBe(
      "error: unknown shorthand flag: 'n' in -n\nSee 'kubectl config set-context --help' for usage.\n",
    );
    expect((await w.exec('kubectl --kubeconfig /tmp/none get pods')).stderr).toBe('error: stat /tmp/none: no such file or directory\n');
    expect((await w.exec('kubectl --kubeconfig /tmp/none config current-context')).stderr).toBe('error: current-context is not set\n');
    const none = await w.exec('KUBECONFIG=/tmp/none kubectl get pods');
    expect(none.stderr.split('\n').slice(-2)).toEqual([
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?',
      '',
    ]);
    expect(none.stderr.match(/memcache\.go:265\] couldn't get current server API group list: Get "http:\/\/localhost:8080\/api\?timeout=32s"/g)).toHaveLength(
      5,
    );
  });

  it('merges $KUBECONFIG files and writes a change to the file that holds the entry', async () => {
    const w = k8sWorld();
    await write(
      w,
      '/tmp/extra',
      'apiVersion: v1\nkind: Config\ncontexts:\n- name: extra\n  context: {cluster: kubernetes, user: kubernetes-admin, namespace: kube-system}\n',
    );
    await w.exec('export KUBECONFIG=/tmp/extra:/root/.kube/config');
    expect((await w.exec('kubectl config get-contexts -o name; kubectl config current-context')).stdout).toBe(
      'extra\nkubernetes-admin@kubernetes\nkubernetes-admin@kubernetes\n',
    );
    expect((await w.exec('kubectl --context extra get pods -o name | head -1')).stdout).toMatch(/^pod\/coredns-/);
    await w.exec('kubectl config set-context extra --namespace=default; kubectl config use-context extra');
    expect((await w.exec('cat /tmp/extra')).stdout).toBe(
      'apiVersion: v1\nclusters: null\ncontexts:\n- context:\n    cluster: kubernetes\n    namespace: default\n    user: kubernetes-admin\n  name: extra\ncurrent-context: extra\nkind: Config\npreferences: {}\nusers: null\n',
    );
  });

  it('view --flatten embeds the files a kubeconfig names, relative to its folder', async () => {
    const w = k8sWorld();
    await w.exec("mkdir /tmp/fl; printf 'CA-TEXT\\n' > /tmp/fl/ca.pem");
    await write(
      w,
      '/tmp/fl/c.conf',
      'apiVersion: v1\nkind: Config\nclusters:\n- name: a\n  cluster:\n    server: https://1.1.1.1\n    certificate-authority: ca.pem\n',
    );
    expect((await w.exec('kubectl --kubeconfig /tmp/fl/c.conf config view --flatten -o jsonpath={.clusters[0].cluster}')).stdout).toBe(
      '{"certificate-authority-data":"Q0EtVEVYVAo=","server":"https://1.1.1.1"}',
    );
  });

  it('a server other than node1 API server cannot be reached', async () => {
    const w = k8sWorld();
    await w.exec('kubectl config set-cluster far --server=https://far.example:6443; kubectl config set-context far --cluster=far --user=kubernetes-admin');
    const r = await w.exec('kubectl --context far version');
    expect([r.stdout, r.stderr]).toEqual([
      'Client Version: v1.30.5\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n',
      'Unable to connect to the server: dial tcp: lookup far.example on 127.0.0.53:53: no such host\n',
    ]);
    await w.exec('kubectl config set-cluster loc --server=https://127.0.0.1:6444');
    expect((await w.exec('kubectl --cluster loc top pod')).stderr).toBe(
      'The connection to the server 127.0.0.1:6444 was refused - did you specify the right host or port?\n',
    );
  });
});
