/** More fixture images: node, kubia, registry, distroless, memcached, demo, zombie-maker, pause, example/app. */
import { ALPINE_318, ALPINE_319, ALPINE_320, DEBIAN_12, DEBIAN_12_SLIM, GOLANG_122, GOLANG_122_ALPINE, NGINX_125 } from './catalog.ts';
const REGISTRY_BASE = ALPINE_318;
import { DEBIAN_GROUP, DEBIAN_PASSWD, fillTo } from './rootfs-debian.ts';
import { ALPINE_GROUP, ALPINE_PASSWD } from './rootfs-alpine.ts';
import { BUILDKIT, type BaseImageDef } from './define.ts';
import type { TreeBuilder } from '../tree.ts';
import { NGINX_UNPRIVILEGED_125 } from './nginx-unprivileged.ts';
import { BUSYBOX_136 } from './busybox.ts';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BOTH = ['amd64', 'arm64'] as const;

const nodeSteps = (alpine: boolean) => [
  { createdBy: 'ENV NODE_VERSION=20.15.1', comment: BUILDKIT },
  {
    createdBy: alpine
      ? 'RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache libstdc++ # buildkit'
      : 'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner # buildkit',
    comment: BUILDKIT,
    files: (b: TreeBuilder) => {
      b.blob('/usr/local/bin/node', 96_840_000);
      b.blob('/usr/local/lib/node_modules/npm/bin/npm-cli.js', 54, 0o755).blob('/usr/local/lib/node_modules/npm/bin/npx-cli.js', 2_922, 0o755);
      b.symlink('/usr/local/bin/npm', '../lib/node_modules/npm/bin/npm-cli.js').symlink('/usr/local/bin/npx', '../lib/node_modules/npm/bin/npx-cli.js');
      b.dir('/home/node', 0o755, 1000, 1000);
      if (!alpine) b.file('/etc/passwd', DEBIAN_PASSWD + 'node:x:1000:1000::/home/node:/bin/bash\n').file('/etc/group', DEBIAN_GROUP + 'node:x:1000:\n');
      // busybox@1_36_1:loginutils/adduser.c: gecos "Linux User,,," by default; -G adds the user to the group's members.
      else b.file('/etc/passwd', `${ALPINE_PASSWD}node:x:1000:1000:Linux User,,,:/home/node:/bin/sh\n`).file('/etc/group', `${ALPINE_GROUP}node:x:1000:node\n`);
      fillTo(b, '/usr/local/lib/node_modules/npm/bundle.tar', alpine ? 127_100_000 : 300_800_000, 0o644);
    },
  },
  { createdBy: 'ENV YARN_VERSION=1.22.22', comment: BUILDKIT },
  { createdBy: 'RUN /bin/sh -c set -ex   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz" # buildkit', comment: BUILDKIT, files: (b: TreeBuilder) => { b.blob('/opt/yarn-v1.22.22/bin/yarn', 1_015, 0o755); fillTo(b, '/opt/yarn-v1.22.22/lib/cli.js', 5_340_000, 0o644); b.symlink('/usr/local/bin/yarn', '/opt/yarn-v1.22.22/bin/yarn'); } },
  { createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', comment: BUILDKIT, files: (b: TreeBuilder) => { b.file('/usr/local/bin/docker-entrypoint.sh', '#!/bin/sh\nset -e\n\n# Run command with node if the first argument contains a "-" or is not a system command.\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then\n  set -- node "$@"\nfi\n\nexec "$@"\n', 0o755); } },
  { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]', comment: BUILDKIT },
  { createdBy: 'CMD ["node"]', comment: BUILDKIT },
];
const nodeConfig = { Env: [PATH_ENV, 'NODE_VERSION=20.15.1', 'YARN_VERSION=1.22.22'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['node'] };

/** buildpack-deps:bookworm (curl + scm + dev headers) under node:20. */
const BUILDPACK_DEPS: BaseImageDef = {
  repo: 'docker.io/library/buildpack-deps',
  tags: ['bookworm'],
  created: '2024-07-02T01:03:11Z',
  from: DEBIAN_12,
  platforms: [...BOTH],
  steps: [
    { createdBy: 'RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl gnupg netbase sq wget; rm -rf /var/lib/apt/lists/* # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/usr/bin/curl', 260_336); fillTo(b, '/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', 24_021_504, 0o644); } },
    { createdBy: 'RUN /bin/sh -c set -eux; apt-get update; apt-get install -y --no-install-recommends git mercurial openssh-client subversion procps; rm -rf /var/lib/apt/lists/* # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/usr/bin/git', 3_941_048).blob('/usr/bin/ps', 154_056); fillTo(b, '/usr/lib/python3/dist-packages/mercurial/bundle.zip', 64_612_352, 0o644); } },
    { createdBy: 'RUN /bin/sh -c set -ex; apt-get update; apt-get install -y --no-install-recommends autoconf automake bzip2 default-libmysqlclient-dev dpkg-dev file g++ gcc imagemagick libbz2-dev libc6-dev libcurl4-openssl-dev libdb-dev libevent-dev libffi-dev libgdbm-dev libglib2.0-dev libgmp-dev libjpeg-dev libkrb5-dev liblzma-dev libmagickcore-dev libmagickwand-dev libmaxminddb-dev libncurses5-dev libncursesw5-dev libpng-dev libpq-dev libreadline-dev libsqlite3-dev libssl-dev libtool libwebp-dev libxml2-dev libxslt-dev libyaml-dev make patch unzip xz-utils zlib1g-dev; rm -rf /var/lib/apt/lists/* # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/usr/bin/gcc-12', 1_305_000); fillTo(b, '/usr/lib/x86_64-linux-gnu/dev-bundle.a', 588_700_000, 0o644); } },
  ],
  config: { Env: [PATH_ENV], Cmd: ['bash'] },
};

export const NODE_20: BaseImageDef = {
  repo: 'docker.io/library/node',
  tags: ['20', '20.15.1', '20-bookworm', 'lts', 'latest'],
  created: '2024-07-09T01:02:53Z',
  from: BUILDPACK_DEPS,
  platforms: [...BOTH],
  steps: nodeSteps(false),
  config: nodeConfig,
};

export const NODE_20_ALPINE: BaseImageDef = {
  repo: 'docker.io/library/node',
  tags: ['20-alpine', '20.15.1-alpine', 'lts-alpine'],
  created: '2024-07-09T01:10:22Z',
  from: ALPINE_320,
  platforms: [...BOTH],
  steps: nodeSteps(true),
  config: nodeConfig,
};

/** luksa/kubia from "Kubernetes in Action": node + app.js listening on 8080. */
export const KUBIA: BaseImageDef = {
  repo: 'docker.io/luksa/kubia',
  tags: ['latest'],
  created: '2024-07-10T09:12:00Z',
  from: NODE_20,
  flavor: 'docker',
  steps: [
    { createdBy: 'ADD app.js /app.js # buildkit', comment: BUILDKIT, files: (b) => { b.file('/app.js', "const http = require('http');\nconst os = require('os');\n\nconsole.log(\"Kubia server starting...\");\n\nvar handler = function(request, response) {\n  console.log(\"Received request from \" + request.connection.remoteAddress);\n  response.writeHead(200);\n  response.end(\"You've hit \" + os.hostname() + \"\\n\");\n};\n\nvar www = http.createServer(handler);\nwww.listen(8080);\n"); } },
    { createdBy: 'EXPOSE map[8080/tcp:{}]', comment: BUILDKIT },
    { createdBy: 'ENTRYPOINT ["node" "app.js"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV, 'NODE_VERSION=20.15.1', 'YARN_VERSION=1.22.22'], Entrypoint: ['node', 'app.js'], Cmd: null, ExposedPorts: { '8080/tcp': {} } },
};

/** `kubia` as the fixture world names it (CURRICULUM L3 runs `docker run … kubia`). */
export const KUBIA_LIBRARY: BaseImageDef = { ...KUBIA, repo: 'docker.io/library/kubia' };

/** progrium/stress (CURRICULUM L6 hogs): stress 1.0.4 on a Debian base. */
export const STRESS: BaseImageDef = {
  repo: 'docker.io/progrium/stress',
  tags: ['latest'],
  created: '2024-05-20T10:00:00Z',
  from: DEBIAN_12_SLIM,
  flavor: 'docker',
  steps: [
    { createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y stress && rm -rf /var/lib/apt/lists/* # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/usr/bin/stress', 34_976); b.file('/var/lib/dpkg/info/stress.list', '/usr/bin/stress\n'); } },
    { createdBy: 'ENTRYPOINT ["/usr/bin/stress" "--verbose"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV], Entrypoint: ['/usr/bin/stress', '--verbose'], Cmd: null },
};

export const REGISTRY_2: BaseImageDef = {
  repo: 'docker.io/library/registry',
  tags: ['2', '2.8', '2.8.3', 'latest'],
  created: '2024-06-27T18:53:40Z',
  from: REGISTRY_BASE,
  platforms: [...BOTH],
  steps: [
    { createdBy: 'RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/etc/ssl/certs/ca-certificates.crt', 219_342, 0o644).blob('/usr/bin/update-ca-certificates', 67_000); fillTo(b, '/usr/share/ca-certificates/mozilla/bundle.tar', 691_000, 0o644); } },
    { createdBy: 'COPY ./registry/registry /bin/registry # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/bin/registry', 17_003_008); } },
    { createdBy: 'COPY ./registry/config-example.yml /etc/docker/registry/config.yml # buildkit', comment: BUILDKIT, files: (b) => { b.file('/etc/docker/registry/config.yml', 'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n  headers:\n    X-Content-Type-Options: [nosniff]\nhealth:\n  storagedriver:\n    enabled: true\n    interval: 10s\n    threshold: 3\n'); } },
    { createdBy: 'VOLUME [/var/lib/registry]', comment: BUILDKIT },
    { createdBy: 'EXPOSE map[5000/tcp:{}]', comment: BUILDKIT },
    { createdBy: 'COPY docker-entrypoint.sh /entrypoint.sh # buildkit', comment: BUILDKIT, files: (b) => { b.file('/entrypoint.sh', '#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\n    serve|garbage-collect|help|-*) set -- registry "$@" ;;\nesac\n\nexec "$@"\n', 0o755); } },
    { createdBy: 'ENTRYPOINT ["/entrypoint.sh"]', comment: BUILDKIT },
    { createdBy: 'CMD ["/etc/docker/registry/config.yml"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV], Entrypoint: ['/entrypoint.sh'], Cmd: ['/etc/docker/registry/config.yml'], ExposedPorts: { '5000/tcp': {} }, Volumes: { '/var/lib/registry': {} } },
};

const DISTROLESS_PASSWD = 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n';

function distroless(repo: string): BaseImageDef {
  return {
    repo,
    tags: ['latest', 'nonroot'],
    created: '1970-01-01T00:00:00Z',
    steps: [
      {
        createdBy: 'bazel build ...',
        files: (b) => {
          b.file('/etc/passwd', DISTROLESS_PASSWD).file('/etc/group', 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n');
          b.file('/etc/os-release', 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\nSUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"\nBUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"\n');
          b.dir('/tmp', 0o1777).dir('/root', 0o700).dir('/home/nonroot', 0o700, 65532, 65532);
          b.blob('/etc/ssl/certs/ca-certificates.crt', 213_777, 0o644);
          b.file('/etc/nsswitch.conf', 'passwd:         files\ngroup:          files\nshadow:         files\nhosts:          files dns\n');
          fillTo(b, '/usr/share/zoneinfo/zoneinfo.tar', 1_983_620, 0o644);
        },
      },
    ],
    config: { Env: [PATH_ENV, 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'], User: '0', WorkingDir: '/' },
  };
}

export const DISTROLESS_STATIC = distroless('gcr.io/distroless/static');
export const DISTROLESS_STATIC_DEBIAN12 = distroless('gcr.io/distroless/static-debian12');

export const MEMCACHED_16: BaseImageDef = {
  repo: 'docker.io/library/memcached',
  tags: ['1.6', '1.6.29', 'latest'],
  created: '2024-07-02T03:04:05Z',
  from: DEBIAN_12_SLIM,
  platforms: [...BOTH],
  steps: [
    { createdBy: 'RUN /bin/sh -c groupadd --system --gid 11211 memcache && useradd --system --gid memcache --uid 11211 memcache # buildkit', comment: BUILDKIT, files: (b) => { b.file('/etc/passwd', DEBIAN_PASSWD + 'memcache:x:11211:11211::/home/memcache:/bin/sh\n').file('/etc/group', DEBIAN_GROUP + 'memcache:x:11211:\n'); } },
    { createdBy: 'ENV MEMCACHED_VERSION=1.6.29', comment: BUILDKIT },
    { createdBy: 'RUN /bin/sh -c set -x && apt-get update && apt-get install -y --no-install-recommends libevent-2.1-7 libsasl2-modules libssl3 && rm -rf /var/lib/apt/lists/* # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/usr/local/bin/memcached', 1_021_000); fillTo(b, '/usr/lib/x86_64-linux-gnu/libevent-2.1.so.7.0.1', 8_960_000, 0o644); } },
    { createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', comment: BUILDKIT, files: (b) => { b.file('/usr/local/bin/docker-entrypoint.sh', '#!/bin/sh\nset -e\n\n# first arg is `-f` or `--some-option`\nif [ "${1#-}" != "$1" ]; then\n\tset -- memcached "$@"\nfi\n\nexec "$@"\n', 0o755); } },
    { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]', comment: BUILDKIT },
    { createdBy: 'USER memcache', comment: BUILDKIT },
    { createdBy: 'EXPOSE map[11211/tcp:{}]', comment: BUILDKIT },
    { createdBy: 'CMD ["memcached"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV, 'MEMCACHED_VERSION=1.6.29'], Entrypoint: ['docker-entrypoint.sh'], Cmd: ['memcached'], User: 'memcache', ExposedPorts: { '11211/tcp': {} } },
};

/**
 * cloudnatived/demo:hello (Cloud Native DevOps with Kubernetes): a static Go binary on scratch that runs as root and
 * listens on :8888. Its Dockerfile has no EXPOSE and no USER, so the config has no ExposedPorts and no User
 * (cloudnativedevops/demo@a87b655:hello/Dockerfile, hello/main.go).
 */
export const DEMO_HELLO: BaseImageDef = {
  repo: 'docker.io/cloudnatived/demo',
  tags: ['hello'],
  created: '2024-05-20T10:00:00Z',
  flavor: 'docker',
  steps: [
    { createdBy: 'COPY /bin/demo /bin/demo # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/bin/demo', 6_509_568); } },
    { createdBy: 'ENTRYPOINT ["/bin/demo"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV], Entrypoint: ['/bin/demo'] },
};

/** zombie-maker:1.0 (fixture world, CURRICULUM L10): a parent that forks children and never reaps them. */
export const ZOMBIE_MAKER: BaseImageDef = {
  repo: 'docker.io/library/zombie-maker',
  tags: ['1.0'],
  created: '2024-05-20T10:00:00Z',
  from: DEBIAN_12_SLIM,
  flavor: 'docker',
  steps: [
    { createdBy: 'RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends procps && rm -rf /var/lib/apt/lists/* # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/usr/bin/ps', 154_056).blob('/usr/bin/top', 130_048).blob('/usr/bin/pgrep', 30_992).blob('/usr/lib/x86_64-linux-gnu/libproc2.so.0.0.1', 141_000, 0o644); } },
    { createdBy: 'COPY zombie-maker.sh /usr/local/bin/zombie-maker # buildkit', comment: BUILDKIT, files: (b) => { b.file('/usr/local/bin/zombie-maker', '#!/bin/sh\n# Forks a short-lived worker every 5 seconds and never waits for it:\n# without an init that reaps orphans, each one stays a zombie.\nwhile :; do\n  sh -c \'sleep 1 &\' &\n  sleep 5\ndone\n', 0o755); } },
    { createdBy: 'ENTRYPOINT ["/usr/local/bin/zombie-maker"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV], Entrypoint: ['/usr/local/bin/zombie-maker'], Cmd: null },
};

export const PAUSE_39: BaseImageDef = {
  repo: 'registry.k8s.io/pause',
  tags: ['3.9'],
  created: '2022-10-26T22:34:14Z',
  platforms: [...BOTH],
  flavor: 'docker',
  steps: [
    { createdBy: 'ARG ARCH', comment: BUILDKIT },
    { createdBy: 'ADD bin/pause-linux-amd64 /pause # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/pause', 744_192); } },
    { createdBy: 'USER 65535:65535', comment: BUILDKIT },
    { createdBy: 'ENTRYPOINT ["/pause"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV], Entrypoint: ['/pause'], User: '65535:65535', WorkingDir: '/' },
};

/** A private repository (pull needs `docker login`), for the "pull access denied" lesson. */
export const ACME_PRIVATE: BaseImageDef = {
  repo: 'docker.io/acme/private-app',
  tags: ['1.0', 'latest'],
  created: '2024-05-01T08:00:00Z',
  from: ALPINE_318,
  flavor: 'docker',
  private: true,
  steps: [{ createdBy: 'COPY app /usr/local/bin/app # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/usr/local/bin/app', 4_200_000); } }],
  config: { Env: [PATH_ENV], Cmd: ['app'] },
};

/**
 * example/app:1.0 (CURRICULUM L5, E5.1): the course's stand-in application, a compiled server on alpine that finds
 * its cache through MEMCACHED_HOST. It keeps running (runtime/programs.ts treats an unknown binary so) and, being on
 * alpine, has busybox's `ps` and `id` for `kubectl exec`.
 */
export const EXAMPLE_APP: BaseImageDef = {
  repo: 'docker.io/example/app',
  tags: ['1.0'],
  created: '2024-05-20T10:00:00Z',
  from: ALPINE_320,
  flavor: 'docker',
  steps: [
    { createdBy: 'COPY app /usr/local/bin/app # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/usr/local/bin/app', 5_210_112); } },
    { createdBy: 'ENTRYPOINT ["/usr/local/bin/app"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV], Entrypoint: ['/usr/local/bin/app'] },
};

/** Every definition the fixture registry serves. */
export const CATALOG: readonly BaseImageDef[] = [
  ALPINE_318, ALPINE_319, ALPINE_320, DEBIAN_12, DEBIAN_12_SLIM, NGINX_125, NGINX_UNPRIVILEGED_125, GOLANG_122, GOLANG_122_ALPINE,
  BUILDPACK_DEPS, NODE_20, NODE_20_ALPINE, KUBIA, KUBIA_LIBRARY, STRESS, REGISTRY_2, DISTROLESS_STATIC, DISTROLESS_STATIC_DEBIAN12,
  MEMCACHED_16, DEMO_HELLO, ZOMBIE_MAKER, PAUSE_39, ACME_PRIVATE, EXAMPLE_APP, BUSYBOX_136,
];
