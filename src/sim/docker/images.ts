/**
 * The built-in image table behind a narrow interface. The content-addressed store
 * (src/sim/image/) will implement ImageSource later; the daemon only uses resolve().
 */
export type Flavor = 'busybox' | 'coreutils';

export interface ImageConfig {
  User: string;
  Env: string[];
  Cmd: string[] | null;
  Entrypoint: string[] | null;
  WorkingDir: string;
  ExposedPorts?: Record<string, object>;
  StopSignal?: string;
}

export interface ResolvedImage {
  /** Normalised reference as Docker prints it: `nginx:latest`, `alpine:3.18`. */
  ref: string;
  repo: string;
  tag: string;
  /** sha256:<64 hex> of the config */
  id: string;
  /** Manifest digest for `Digest:` and RepoDigests. */
  digest: string;
  /** Short layer ids shown while pulling. */
  layers: string[];
  config: ImageConfig;
  flavor: Flavor;
  /** Commands present in the image besides the shell built-ins. */
  commands: string[];
  /** Files of the root filesystem (path → content). */
  files: Record<string, string>;
}

export interface ImageSource {
  /** undefined when the repository or tag does not exist in the registry. */
  resolve(ref: string): ResolvedImage | undefined;
}

/** Splits `nginx`, `nginx:1.25`, `library/nginx` into repo and tag (default `latest`). */
export function parseRef(ref: string): { repo: string; tag: string } {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const colon = base.lastIndexOf(':');
  const slash = base.lastIndexOf('/');
  const [repo, tag] = colon > slash ? [base.slice(0, colon), base.slice(colon + 1)] : [base, 'latest'];
  return { repo: repo.replace(/^(docker\.io\/)?library\//, ''), tag };
}

const BUSYBOX_CMDS = [
  'sh', 'ash', 'cat', 'chown', 'chmod', 'date', 'echo', 'env', 'grep', 'head', 'hostname', 'id', 'kill', 'ls', 'mkdir',
  'mount', 'ping', 'printenv', 'ps', 'readlink', 'rm', 'sleep', 'stat', 'tail', 'top', 'touch', 'uname', 'whoami', 'ip',
  'true', 'false', 'wc', 'sort', 'cut', 'tr', 'sed', 'awk', 'find', 'pwd', 'dmesg', 'sysctl', 'nsenter', 'unshare',
];
const COREUTILS_CMDS = [
  'bash', 'sh', 'cat', 'chown', 'chmod', 'date', 'echo', 'env', 'grep', 'head', 'hostname', 'id', 'kill', 'ls', 'mkdir',
  'mount', 'printenv', 'readlink', 'rm', 'sleep', 'stat', 'tail', 'touch', 'uname', 'whoami', 'true', 'false', 'wc',
  'sort', 'cut', 'tr', 'sed', 'awk', 'find', 'pwd', 'dmesg', 'nsenter', 'unshare',
];

const PASSWD_ALPINE = 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n';
const PASSWD_DEBIAN = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';
const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function alpineFiles(version: string): Record<string, string> {
  return {
    '/etc/passwd': PASSWD_ALPINE,
    '/etc/group': 'root:x:0:root\nnobody:x:65534:\n',
    '/etc/alpine-release': `${version}\n`,
    '/etc/os-release': `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${version.split('.').slice(0, 2).join('.')}"\n`,
    '/tmp/.keep': '',
    '/root/.keep': '',
  };
}

function debianFiles(): Record<string, string> {
  return {
    '/etc/passwd': PASSWD_DEBIAN,
    '/etc/group': 'root:x:0:\nnogroup:x:65534:\n',
    '/etc/debian_version': '12.7\n',
    '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
    '/tmp/.keep': '',
    '/root/.keep': '',
  };
}

type Entry = Omit<ResolvedImage, 'ref' | 'repo' | 'tag'>;

/** Placeholder config and manifest digests until the content-addressed store computes real ones. */
const DIGESTS: Record<string, [string, string]> = {
  'alpine:3.20.3': ['918ffe1212206fa66d3b473c5362169b166aa506d0e30e855a802cf3daa98e3c', '5c424bddde2a1e52dfbab57e98fd4f7456dec43d4d29d8f2be39c6c1d6ef301e'],
  'alpine:3.18.9': ['baa4796da59f7b0338fa0742580cd77f884540ac634bc1edb9281a8b8ad93094', 'a391efbda583499ccf7c778162eb2963ebf401778a1d30551506267557646675'],
  'debian:latest': ['898cd20f29a1941c2ed6d59dfd4e4c253875ef3c68ddfcce87899178292ffe04', '81200cfff43880de9ea4a0fdf93b76f43b6893b6f71c03feba4d8bc2755b9c1d'],
  'nginx:1.25': ['7a592b8036581f5a8498d5730111c25c5d1151785f88028db419523bb016338e', '73f829851e12bb791be58cd4f12f07b36d1290c1233f593ddf68481e727d2f14'],
  'kubia:latest': ['039dbbbcb9fb062af96fda402969e3f5211eb76b54b66f409ec4593d8591ff67', 'ae74fd8bcc9db83b34a9420efb8d160e2d9311a0e5f3e2c664d08db944386b09'],
  'zombie-maker:1.0': ['ef5a059d365f90439836497fd939d3c8ab733e7a87c029f22be7cf2f9a9ca847', '4ddbdf43dc49810dbb9bbd05317950c570085c2fdaa89b2d59987313a6fe4ef6'],
  'progrium/stress:latest': ['c0f48be686d591d96321c494c18e1895e1ce167a8d531c97178a00a8e277d5c4', '065c532ce653ce1feb575b10cbb88610796bf7b44b23ecc863bd43c475bf1f74'],
};

function image(name: string, e: Omit<Entry, 'id' | 'digest'>): Entry {
  const [id, digest] = DIGESTS[name] as [string, string];
  return { id: `sha256:${id}`, digest: `sha256:${digest}`, ...e };
}

const ALPINE = (v: string) =>
  image(`alpine:${v}`, {
    layers: ['43c4264eed91'],
    config: { User: '', Env: [PATH_ENV], Cmd: ['/bin/sh'], Entrypoint: null, WorkingDir: '' },
    flavor: 'busybox',
    commands: BUSYBOX_CMDS,
    files: alpineFiles(v),
  });

const NGINX = image('nginx:1.25', {
  layers: ['a2318d6c47ec', '095d327c79ae', 'bbfaa25db775', '7bb6fb0cfb2b', '0723edc10c17', '24b3fdc4d1e3', '3122471704d5'],
  config: {
    User: '',
    Env: [PATH_ENV, 'NGINX_VERSION=1.25.5', 'NJS_VERSION=0.8.4', 'PKG_RELEASE=1~bookworm'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Entrypoint: ['/docker-entrypoint.sh'],
    WorkingDir: '',
    ExposedPorts: { '80/tcp': {} },
    StopSignal: 'SIGQUIT',
  },
  flavor: 'coreutils',
  commands: [...COREUTILS_CMDS, 'nginx', 'getpcaps'],
  files: { ...debianFiles(), '/etc/passwd': `${PASSWD_DEBIAN}nginx:x:101:101:nginx user:/nonexistent:/bin/false\n`, '/usr/share/nginx/html/index.html': '<h1>Welcome to nginx!</h1>\n' },
});

const TABLE: Record<string, Entry> = {
  'alpine:latest': ALPINE('3.20.3'),
  'alpine:3.20': ALPINE('3.20.3'),
  'alpine:3.18': ALPINE('3.18.9'),
  'debian:latest': image('debian:latest', {
    layers: ['e756f3fdd6a3'],
    config: { User: '', Env: [PATH_ENV], Cmd: ['bash'], Entrypoint: null, WorkingDir: '' },
    flavor: 'coreutils',
    commands: COREUTILS_CMDS,
    files: debianFiles(),
  }),
  'nginx:latest': NGINX,
  'nginx:1.25': NGINX,
  'kubia:latest': image('kubia:latest', {
    layers: ['ad74af05f5a2', '2b032b8bbe8b', 'a9a5b35f6ead', '3245b5a1c52c', 'afa075743392', '9fb9f21641cd', '3f40ad2666bc', '49c0ed396b49'],
    config: { User: '', Env: [PATH_ENV, 'NODE_VERSION=7.10.1'], Cmd: null, Entrypoint: ['node', 'app.js'], WorkingDir: '/', ExposedPorts: { '8080/tcp': {} } },
    flavor: 'coreutils',
    commands: [...COREUTILS_CMDS, 'ps', 'node'],
    files: { ...debianFiles(), '/app.js': "const http = require('http');\nconst os = require('os');\nconsole.log(\"Kubia server starting...\");\n" },
  }),
  // Debian-based with procps, as in L10 (`docker exec z ps -eo pid,ppid,stat,cmd`).
  'zombie-maker:1.0': image('zombie-maker:1.0', {
    layers: ['e756f3fdd6a3', '5c1d3b2a9e8f'],
    config: { User: '', Env: [PATH_ENV], Cmd: null, Entrypoint: ['/usr/local/bin/zombie-maker'], WorkingDir: '' },
    flavor: 'coreutils',
    commands: [...COREUTILS_CMDS, 'ps', 'zombie-maker'],
    files: debianFiles(),
  }),
  'progrium/stress:latest': image('progrium/stress:latest', {
    layers: ['a3ed95caeb02', '871c32dbbb53', 'dbe7819a64dd', 'd14088925c6e', '58026d51efe4', '7d04a4fe1405'],
    config: { User: '', Env: [PATH_ENV], Cmd: null, Entrypoint: ['/usr/bin/stress', '--verbose'], WorkingDir: '' },
    flavor: 'coreutils',
    commands: [...COREUTILS_CMDS, 'stress'],
    files: debianFiles(),
  }),
};

export const builtinImages: ImageSource = {
  resolve(ref) {
    const { repo, tag } = parseRef(ref);
    const e = TABLE[`${repo}:${tag}`];
    return e ? { ...e, ref: `${repo}:${tag}`, repo, tag } : undefined;
  },
};

/** The lines `docker pull`/`docker run` print while pulling (stderr for run). Kept here so the store can take them over. */
export function pullLines(img: ResolvedImage, forRun: boolean): string {
  const name = img.repo.includes('/') ? img.repo : `library/${img.repo}`;
  const lines = [
    ...(forRun ? [`Unable to find image '${img.ref}' locally`] : []),
    `${img.tag}: Pulling from ${name}`,
    ...img.layers.map((l) => `${l}: Pull complete`),
    `Digest: ${img.digest}`,
    `Status: Downloaded newer image for ${img.ref}`,
  ];
  return `${lines.join('\n')}\n`;
}
