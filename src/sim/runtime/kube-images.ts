/**
 * kube-system's images in containerd's k8s.io store, as kubeadm's `config images pull` left them: runnable images (layers
 * and a config) under the ids, repo digests and sizes crictl and ctr report for them (containerd-boot.ts, the fixture's),
 * so a learner's pod using one with imagePullPolicy IfNotPresent starts from the store instead of pulling.
 *
 * Their contents follow the Dockerfiles that build them, on distroless static (image/bases/catalog-more.ts):
 * - etcd 3.5.12-0: bash-static copied to /bin/sh, etcd, etcdctl and etcdutl in /usr/local/bin, cp in /bin, the migrate
 *   tools; WORKDIR /, EXPOSE 2379 2380 4001 7001 and no ENTRYPOINT or CMD (kubernetes@v1.30.5:cluster/images/etcd/Dockerfile),
 *   so it runs only with a command (kubeadm's manifest gives `etcd …`).
 * - kube-apiserver, kube-controller-manager, kube-scheduler v1.30.5: the binary in /usr/local/bin on the go-runner image,
 *   whose ENTRYPOINT is /go-runner (kubernetes@v1.30.5:build/server-image/Dockerfile and kube-apiserver/Dockerfile;
 *   kubernetes/release images/build/go-runner/Dockerfile).
 * - kube-proxy v1.30.5: /usr/local/bin/kube-proxy on distroless-iptables (kubernetes/kubernetes@v1.30.5:build/server-image/Dockerfile:
 *   FROM the base, COPY the binary, nothing else). distroless-iptables' last stage is `FROM scratch` + `COPY --from=intermediate / /`
 *   (kubernetes/release images/build/distroless-iptables/distroless/Dockerfile, v0.5.x for go1.22: variants.yaml), so its
 *   config holds only BuildKit's default PATH: no ENTRYPOINT, CMD, USER or WORKDIR, and the DaemonSet's `command` is what
 *   runs. The base's files (dash, iptables, go-runner on distroless base-debian12) are approximated by distroless static.
 * - CoreDNS v1.11.1: /coredns and the CA certificates, USER nonroot:nonroot, EXPOSE 53 53/udp, ENTRYPOINT ["/coredns"]
 *   (coredns/coredns@v1.11.1:Dockerfile).
 * The binaries' sizes and the build times are fixture values (the registry's blobs are not in a reference repository);
 * the store reports each image's size as the fixture's (containerd-boot.ts SIZES), not the sum of these layers.
 */
import { BUILDKIT, materialize, type BaseImageDef } from '../image/bases/define.ts';
import { DISTROLESS_STATIC } from '../image/bases/catalog-more.ts';
import type { Image } from '../image/image.ts';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const SSL = 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt';

const ETCD: BaseImageDef = {
  repo: 'registry.k8s.io/etcd',
  tags: ['3.5.12-0'],
  created: '2024-01-31T18:17:05Z',
  from: DISTROLESS_STATIC,
  flavor: 'docker',
  steps: [
    { createdBy: 'WORKDIR /', comment: BUILDKIT },
    {
      createdBy: 'COPY /sh /bin/ # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/bin/sh', 1_974_728);
      },
    },
    { createdBy: 'EXPOSE map[2379/tcp:{} 2380/tcp:{} 4001/tcp:{} 7001/tcp:{}]', comment: BUILDKIT },
    {
      createdBy: 'COPY etcd* etcdctl* /usr/local/bin/ # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/usr/local/bin/etcd', 23_412_736).blob('/usr/local/bin/etcdctl', 17_739_776).blob('/usr/local/bin/etcdutl', 12_275_712);
      },
    },
    {
      createdBy: 'COPY cp* /bin/ # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/bin/cp', 151_152);
      },
    },
    {
      createdBy: 'COPY migrate-if-needed.sh migrate /usr/local/bin/ # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/usr/local/bin/migrate-if-needed.sh', 4_052).blob('/usr/local/bin/migrate', 1_268_000);
      },
    },
  ],
  config: { Env: [PATH, SSL], User: '0', WorkingDir: '/', ExposedPorts: { '2379/tcp': {}, '2380/tcp': {}, '4001/tcp': {}, '7001/tcp': {} } },
};

/** registry.k8s.io/build-image/go-runner: /go-runner on distroless static, its ENTRYPOINT. */
const GO_RUNNER: BaseImageDef = {
  repo: 'registry.k8s.io/build-image/go-runner',
  tags: ['v2.3.1-go1.22.7-bookworm.0'],
  created: '2024-09-06T12:00:00Z',
  from: DISTROLESS_STATIC,
  flavor: 'docker',
  steps: [
    {
      createdBy: 'COPY /workspace/go-runner /go-runner # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/go-runner', 1_716_224);
      },
    },
    { createdBy: 'ENTRYPOINT ["/go-runner"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH, SSL], User: '0', WorkingDir: '/', Entrypoint: ['/go-runner'] },
};

function kubeBinary(name: string, size: number, from: BaseImageDef): BaseImageDef {
  return {
    repo: `registry.k8s.io/${name}`,
    tags: ['v1.30.5'],
    created: '2024-09-11T23:52:18Z',
    from,
    flavor: 'docker',
    steps: [
      {
        createdBy: `COPY /usr/local/bin/${name} /usr/local/bin/${name} # buildkit`,
        comment: BUILDKIT,
        files: (b) => {
          b.blob(`/usr/local/bin/${name}`, size);
        },
      },
    ],
    config: from === GO_RUNNER ? GO_RUNNER.config : { Env: [PATH] },
  };
}

const COREDNS: BaseImageDef = {
  repo: 'registry.k8s.io/coredns/coredns',
  tags: ['v1.11.1'],
  created: '2023-08-15T16:34:40Z',
  from: DISTROLESS_STATIC,
  flavor: 'docker',
  steps: [
    {
      createdBy: 'COPY /etc/ssl/certs /etc/ssl/certs # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/etc/ssl/certs/ca-certificates.crt', 213_777, 0o644);
      },
    },
    {
      createdBy: 'COPY /coredns /coredns # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/coredns', 16_046_080);
      },
    },
    { createdBy: 'USER nonroot:nonroot', comment: BUILDKIT },
    { createdBy: 'EXPOSE map[53/tcp:{} 53/udp:{}]', comment: BUILDKIT },
    { createdBy: 'ENTRYPOINT ["/coredns"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH, SSL], User: 'nonroot:nonroot', WorkingDir: '/', ExposedPorts: { '53/tcp': {}, '53/udp': {} }, Entrypoint: ['/coredns'] },
};

/** Each booted tag's definition. */
const DEFS: Record<string, BaseImageDef> = {
  'registry.k8s.io/etcd:3.5.12-0': ETCD,
  'registry.k8s.io/kube-apiserver:v1.30.5': kubeBinary('kube-apiserver', 30_958_592, GO_RUNNER),
  'registry.k8s.io/kube-controller-manager:v1.30.5': kubeBinary('kube-controller-manager', 29_405_184, GO_RUNNER),
  'registry.k8s.io/kube-scheduler:v1.30.5': kubeBinary('kube-scheduler', 17_494_016, GO_RUNNER),
  'registry.k8s.io/kube-proxy:v1.30.5': kubeBinary('kube-proxy', 19_070_976, DISTROLESS_STATIC),
  'registry.k8s.io/coredns/coredns:v1.11.1': COREDNS,
};

/** The linux/amd64 image behind a booted tag, under the fixture's id and size; undefined for a tag with no definition. */
export async function kubeImage(tag: string, id: string, size: number): Promise<Image | undefined> {
  const def = DEFS[tag];
  if (!def) return undefined;
  const image = (await materialize(def)).images[0];
  return image ? { ...image, id: id as Image['id'], size } : undefined;
}
