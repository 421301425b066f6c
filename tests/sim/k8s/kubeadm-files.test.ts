/**
 * node1 as `kubeadm init` v1.30.5 left it (#11): /etc/kubernetes's kubeconfigs (clientcmd.WriteToFile, 0600), the static pod
 * manifests (staticpodutil.WriteStaticPodToDisk: os.WriteFile(…, 0600) of MarshalToYaml), the PKI (certutil.WriteCert
 * 0644, keyutil.WriteKey 0600, sa.pub through keyutil.WriteKey too) and /var/lib/kubelet/config.yaml (0644), with the
 * manifests built from the same data as kube-system's mirror pods (k8s/apiserver/fixture-system.ts).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createWorld } from '../../../src/sim/index.ts';
import { kubeadmFiles } from '../../../src/sim/fs/kubeadm-files.ts';
import type { SimWorld } from '../../../src/sim/world.ts';

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML documents, walked field by field
type Obj = Record<string, any>;
const COMPONENTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

describe("kubeadm's files on node1", () => {
  it('modes: kubeconfigs, keys and manifests 0600, certificates and the kubelet config 0644', async () => {
    const w = createWorld();
    const ls = async (args: string) =>
      (await w.exec(`ls -l ${args}`)).stdout
        .split('\n')
        .filter((l) => /^[-l]/.test(l))
        .map((l) => `${l.slice(0, 10)} ${l.split(' ').pop()}`);
    expect(await ls('/etc/kubernetes/*.conf')).toEqual(
      ['admin.conf', 'controller-manager.conf', 'kubelet.conf', 'scheduler.conf', 'super-admin.conf'].map((f) => `-rw------- /etc/kubernetes/${f}`),
    );
    expect(await ls('/etc/kubernetes/manifests')).toEqual(COMPONENTS.map((c) => `-rw------- ${c}.yaml`));
    expect(await ls('/etc/kubernetes/pki/etcd')).toEqual(
      ['ca', 'healthcheck-client', 'peer', 'server'].flatMap((n) => [`-rw-r--r-- ${n}.crt`, `-rw------- ${n}.key`]),
    );
    expect(await ls('/etc/kubernetes/pki/ca.crt /etc/kubernetes/pki/ca.key /etc/kubernetes/pki/sa.key /etc/kubernetes/pki/sa.pub')).toEqual([
      '-rw-r--r-- /etc/kubernetes/pki/ca.crt',
      '-rw------- /etc/kubernetes/pki/ca.key',
      '-rw------- /etc/kubernetes/pki/sa.key',
      '-rw------- /etc/kubernetes/pki/sa.pub',
    ]);
    expect(await ls('/var/lib/kubelet/config.yaml')).toEqual(['-rw-r--r-- /var/lib/kubelet/config.yaml']);
    // A key is PEM framed; the kubelet's current client pair is a link to the dated file.
    expect((await w.exec('head -1 /etc/kubernetes/pki/ca.key; tail -1 /etc/kubernetes/pki/sa.pub')).stdout).toBe(
      '-----BEGIN RSA PRIVATE KEY-----\n-----END PUBLIC KEY-----\n',
    );
    expect((await w.exec('readlink /var/lib/kubelet/pki/kubelet-client-current.pem')).stdout).toBe(
      '/var/lib/kubelet/pki/kubelet-client-2024-09-02-09-30-04.pem\n',
    );
  });

  it("a manifest and its mirror pod agree: the API server's defaults aside, the same container, volumes and annotations", async () => {
    const w = createWorld();
    for (const c of COMPONENTS) {
      const file = parse((await w.exec(`cat /etc/kubernetes/manifests/${c}.yaml`)).stdout) as Obj;
      const mirror = parse((await w.exec(`kubectl get pod -n kube-system ${c}-node1 -o yaml`)).stdout) as Obj;
      expect(file.metadata.name).toBe(c);
      expect(file.metadata.creationTimestamp).toBeNull();
      expect(file.status).toEqual({});
      expect(mirror.metadata.labels).toEqual(file.metadata.labels);
      for (const [k, v] of Object.entries(file.metadata.annotations ?? {})) expect(mirror.metadata.annotations[k]).toBe(v);
      const container = structuredClone(mirror.spec.containers[0]);
      for (const p of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (container[p]) delete container[p].successThreshold;
      delete container.terminationMessagePath;
      delete container.terminationMessagePolicy;
      expect(container).toEqual(file.spec.containers[0]);
      for (const k of ['hostNetwork', 'priority', 'priorityClassName', 'securityContext', 'volumes']) expect(mirror.spec[k]).toEqual(file.spec[k]);
      expect(Object.keys(file.spec).sort()).toEqual(['containers', 'hostNetwork', 'priority', 'priorityClassName', 'securityContext', 'volumes']);
    }
  });

  it('kubeconfigs: one cluster at the advertise address with the CA, a <user>@kubernetes context; kubelet.conf uses the rotating pair', async () => {
    const w = createWorld();
    const ca = (await w.exec('cat /etc/kubernetes/pki/ca.crt')).stdout;
    for (const [file, user] of [
      ['admin.conf', 'kubernetes-admin'],
      ['super-admin.conf', 'kubernetes-super-admin'],
      ['controller-manager.conf', 'system:kube-controller-manager'],
      ['scheduler.conf', 'system:kube-scheduler'],
      ['kubelet.conf', 'system:node:node1'],
    ]) {
      const text = (await w.exec(`cat /etc/kubernetes/${file}`)).stdout;
      const k = parse(text) as Obj;
      expect(k['current-context']).toBe(`${user}@kubernetes`);
      expect(k.clusters).toHaveLength(1);
      expect(k.clusters[0].cluster.server).toBe('https://10.0.0.11:6443');
      expect(atob(k.clusters[0].cluster['certificate-authority-data'])).toBe(ca);
      expect(k.users[0].name).toBe(user);
      expect(text).toContain('preferences: {}\n');
    }
    const kubelet = parse((await w.exec('cat /etc/kubernetes/kubelet.conf')).stdout) as Obj;
    expect(kubelet.users[0].user).toEqual({
      'client-certificate': '/var/lib/kubelet/pki/kubelet-client-current.pem',
      'client-key': '/var/lib/kubelet/pki/kubelet-client-current.pem',
    });
    const admin = parse((await w.exec('cat /etc/kubernetes/admin.conf')).stdout) as Obj;
    expect(atob(admin.users[0].user['client-key-data'])).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
  });

  it("the kubelet's config.yaml: kubeadm's KubeletConfiguration (systemd cgroups, the manifests directory, the DNS Service)", async () => {
    const w = createWorld();
    const text = (await w.exec('cat /var/lib/kubelet/config.yaml')).stdout;
    const cfg = parse(text) as Obj;
    expect(cfg.kind).toBe('KubeletConfiguration');
    expect(cfg.cgroupDriver).toBe('systemd');
    expect(cfg.staticPodPath).toBe('/etc/kubernetes/manifests');
    expect(cfg.clusterDNS).toEqual(['10.96.0.10']);
    expect(cfg.resolvConf).toBe('/run/systemd/resolve/resolv.conf');
    expect(cfg.authentication.x509.clientCAFile).toBe('/etc/kubernetes/pki/ca.crt');
    expect(text).toContain('containerRuntimeEndpoint: ""\n');
    // The kubelet's drop-in reads it (fs/kubefiles.ts).
    expect((await w.exec('grep -c config.yaml /usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf')).stdout).toBe('1\n');
  });

  it('every file listed has its text, made on the first read (the host is built without them: issue #14)', async () => {
    const w = createWorld() as unknown as SimWorld;
    const k = kubeadmFiles(w.host);
    const paths = Object.keys(k.meta);
    expect(paths.length).toBeGreaterThan(30);
    for (const p of paths) expect(k.text(p), p).toMatch(/\S/);
    // The host's files hold those texts, byte for byte (their sizes too: a stat makes them).
    const size = (await w.exec(`stat -c %s ${paths.join(' ')}`)).stdout.trim().split('\n').map(Number);
    expect(size).toEqual(paths.map((p) => new TextEncoder().encode(k.text(p)).byteLength));
    expect((await w.exec('cat /etc/kubernetes/admin.conf')).stdout).toBe(k.text('/etc/kubernetes/admin.conf'));
  });
});
