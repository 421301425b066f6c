/**
 * The fixture world's registry content: every image the lessons pull, as data.
 * Sizes are those `docker images` shows (CURRICULUM L9: golang:1.22 ≈814MB,
 * alpine ≈7MB); `fillTo` pins totals exactly.
 */
import { DEBIAN_GROUP, DEBIAN_PASSWD, debianRootfs, fillTo } from './rootfs-debian.ts';
import { alpineRootfs } from './rootfs-alpine.ts';
import { BUILDKIT, addRootfs, nop, type BaseImageDef } from './define.ts';
import { NGINX_MIME_TYPES } from './nginx-mime.ts';
import { NGINX_FASTCGI_PARAMS, NGINX_SCGI_PARAMS, NGINX_UWSGI_PARAMS } from './nginx-params.ts';
import { NGINX_50X_HTML, NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_ENTRYPOINT, NGINX_INDEX_HTML, NGINX_SCRIPTS } from './nginx-files.ts';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const BOTH = ['amd64', 'arm64'] as const;

function alpine(release: string, created: string, total: number): BaseImageDef {
  return {
    repo: 'docker.io/library/alpine',
    tags: [release.split('.').slice(0, 2).join('.'), release],
    created,
    platforms: [...BOTH],
    steps: [
      { createdBy: addRootfs, files: (b, c) => { alpineRootfs(b, release, c.uname); fillTo(b, '/usr/share/apk/keys/bundle.pem', total); } },
      { createdBy: nop('CMD ["/bin/sh"]') },
    ],
    config: { Env: [PATH_ENV], Cmd: ['/bin/sh'] },
  };
}

export const ALPINE_318 = alpine('3.18.9', '2024-09-06T22:20:00Z', 7_345_120);
export const ALPINE_319 = alpine('3.19.1', '2024-01-27T00:30:48Z', 7_377_954);
export const ALPINE_320 = alpine('3.20.3', '2024-09-06T22:20:07Z', 7_797_760);
ALPINE_320.tags.push('3', 'latest');

function debian(slim: boolean): BaseImageDef {
  return {
    repo: 'docker.io/library/debian',
    tags: slim ? ['12-slim', 'bookworm-slim'] : ['12', 'bookworm', '12.5', 'latest'],
    created: '2024-06-12T23:21:43Z',
    platforms: [...BOTH],
    steps: [
      { createdBy: addRootfs, files: (b, c) => debianRootfs(b, { slim, arch: c.arch, pointRelease: '12.5' }) },
      { createdBy: nop('CMD ["bash"]') },
    ],
    config: { Env: [PATH_ENV], Cmd: ['bash'] },
  };
}

export const DEBIAN_12 = debian(false);
export const DEBIAN_12_SLIM = debian(true);

const NGINX_PASSWD = DEBIAN_PASSWD + 'nginx:x:101:101:nginx user:/nonexistent:/bin/false\n';
const NGINX_GROUP = DEBIAN_GROUP + 'nginx:x:101:\n';
const nginxEnv = ['NGINX_VERSION=1.25.5', 'NJS_VERSION=0.8.4', 'PKG_RELEASE=1~bookworm'];

export const NGINX_125: BaseImageDef = {
  repo: 'docker.io/library/nginx',
  tags: ['1.25', '1.25.5', 'latest', 'mainline', 'bookworm'],
  created: '2024-06-13T01:15:06Z',
  from: DEBIAN_12_SLIM,
  platforms: [...BOTH],
  steps: [
    { createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', comment: BUILDKIT },
    ...nginxEnv.map((e) => ({ createdBy: `ENV ${e}`, comment: BUILDKIT })),
    {
      createdBy: 'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && apt-get install --no-install-recommends --no-install-suggests -y nginx=${NGINX_VERSION}-${PKG_RELEASE}     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.file('/etc/passwd', NGINX_PASSWD).file('/etc/group', NGINX_GROUP);
        b.file('/etc/nginx/nginx.conf', NGINX_CONF).file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
        // Size-only in the layer (the recorded digests), shown with their nginx 1.25.5 text in a container (tree.ts shown).
        b.shown('/etc/nginx/mime.types', 5_349, NGINX_MIME_TYPES).shown('/etc/nginx/fastcgi_params', 1_007, NGINX_FASTCGI_PARAMS);
        b.shown('/etc/nginx/scgi_params', 636, NGINX_SCGI_PARAMS).shown('/etc/nginx/uwsgi_params', 664, NGINX_UWSGI_PARAMS);
        b.symlink('/etc/nginx/modules', '/usr/lib/nginx/modules');
        b.file('/usr/share/nginx/html/index.html', NGINX_INDEX_HTML).file('/usr/share/nginx/html/50x.html', NGINX_50X_HTML);
        b.blob('/usr/sbin/nginx', 1_437_856).blob('/usr/sbin/nginx-debug', 1_468_288).blob('/usr/sbin/getpcaps', 14_560);
        b.blob('/usr/lib/nginx/modules/ngx_http_js_module.so', 1_612_000, 0o644).blob('/usr/lib/nginx/modules/ngx_stream_js_module.so', 1_548_000, 0o644);
        b.dir('/var/cache/nginx').dir('/var/log/nginx').dir('/docker-entrypoint.d');
        b.symlink('/var/log/nginx/access.log', '/dev/stdout').symlink('/var/log/nginx/error.log', '/dev/stderr');
        b.blob('/usr/bin/envsubst', 35_432).blob('/usr/bin/gpgv1', 355_000);
        fillTo(b, '/usr/lib/x86_64-linux-gnu/libperl.so.5.36.0', 112_036_413, 0o644);
      },
    },
    { createdBy: 'COPY docker-entrypoint.sh / # buildkit', comment: BUILDKIT, files: (b) => b.file('/docker-entrypoint.sh', NGINX_ENTRYPOINT, 0o775) },
    ...NGINX_SCRIPTS.map(([name, text]) => ({
      createdBy: `COPY ${name} /docker-entrypoint.d # buildkit`,
      comment: BUILDKIT,
      files: (b: import('../tree.ts').TreeBuilder) => { b.file(`/docker-entrypoint.d/${name}`, text, 0o775); },
    })),
    { createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]', comment: BUILDKIT },
    { createdBy: 'EXPOSE map[80/tcp:{}]', comment: BUILDKIT },
    { createdBy: 'STOPSIGNAL SIGQUIT', comment: BUILDKIT },
    { createdBy: 'CMD ["nginx" "-g" "daemon off;"]', comment: BUILDKIT },
  ],
  config: {
    Env: [PATH_ENV, ...nginxEnv],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    ExposedPorts: { '80/tcp': {} },
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    StopSignal: 'SIGQUIT',
  },
};

/** buildpack-deps:bookworm-curl and -scm steps, shared by golang and node. */
const CURL_STEP = {
  createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit',
  comment: BUILDKIT,
  files: (b: import('../tree.ts').TreeBuilder) => {
    b.blob('/usr/bin/curl', 260_336).blob('/usr/bin/wget', 514_000).blob('/usr/bin/gpg', 1_100_000).blob('/etc/ssl/certs/ca-certificates.crt', 213_777, 0o644);
    fillTo(b, '/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', 24_021_504, 0o644);
  },
};
const SCM_STEP = {
  createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit',
  comment: BUILDKIT,
  files: (b: import('../tree.ts').TreeBuilder) => {
    b.blob('/usr/bin/git', 3_941_048).blob('/usr/bin/ssh', 1_071_648).blob('/usr/bin/hg', 400).blob('/usr/bin/svn', 300_000);
    b.blob('/usr/bin/ps', 154_056).blob('/usr/bin/top', 134_000).blob('/usr/bin/pkill', 30_000).blob('/usr/bin/pgrep', 30_000);
    fillTo(b, '/usr/lib/python3/dist-packages/mercurial/bundle.zip', 64_612_352, 0o644);
  },
};

export const GOLANG_122: BaseImageDef = {
  repo: 'docker.io/library/golang',
  tags: ['1.22', '1.22.5', '1.22-bookworm', '1.22.5-bookworm'],
  created: '2024-07-02T20:44:12Z',
  from: DEBIAN_12,
  platforms: [...BOTH],
  steps: [
    CURL_STEP,
    SCM_STEP,
    {
      createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tg++ \t\tgcc \t\tlibc6-dev \t\tmake \t\tpkg-config \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/usr/bin/x86_64-linux-gnu-gcc-12', 1_305_000).blob('/usr/bin/make', 262_000).blob('/usr/bin/pkg-config', 62_000);
        b.symlink('/usr/bin/gcc', 'gcc-12').symlink('/usr/bin/gcc-12', 'x86_64-linux-gnu-gcc-12');
        fillTo(b, '/usr/libexec/gcc/x86_64-linux-gnu/12/cc1', 182_510_336);
      },
    },
    { createdBy: 'ENV GOLANG_VERSION=1.22.5', comment: BUILDKIT },
    { createdBy: 'ENV GOTOOLCHAIN=local', comment: BUILDKIT },
    { createdBy: 'ENV GOPATH=/go', comment: BUILDKIT },
    { createdBy: 'ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', comment: BUILDKIT },
    {
      createdBy: 'COPY /target/ / # buildkit',
      comment: BUILDKIT,
      files: (b) => {
        b.blob('/usr/local/go/bin/go', 14_280_000).blob('/usr/local/go/bin/gofmt', 3_260_000);
        b.file('/usr/local/go/VERSION', 'go1.22.5\ntime 2024-06-27T20:11:12Z\n');
        b.blob('/usr/local/go/pkg/tool/linux_amd64/compile', 25_400_000).blob('/usr/local/go/pkg/tool/linux_amd64/link', 8_100_000);
        fillTo(b, '/usr/local/go/src/bundle.tar', 426_320_000, 0o644);
      },
    },
    { createdBy: 'RUN /bin/sh -c mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH" # buildkit', comment: BUILDKIT, files: (b) => { b.dir('/go', 0o1777).dir('/go/src', 0o1777).dir('/go/bin', 0o1777); } },
    { createdBy: 'WORKDIR /go', comment: BUILDKIT },
  ],
  config: {
    Env: ['PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GOLANG_VERSION=1.22.5', 'GOTOOLCHAIN=local', 'GOPATH=/go'],
    Cmd: ['bash'],
    WorkingDir: '/go',
  },
};

export const GOLANG_122_ALPINE: BaseImageDef = {
  repo: 'docker.io/library/golang',
  tags: ['1.22-alpine', '1.22.5-alpine', '1.22-alpine3.20'],
  created: '2024-07-02T20:50:31Z',
  from: ALPINE_320,
  platforms: [...BOTH],
  steps: [
    { createdBy: 'RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit', comment: BUILDKIT, files: (b) => { b.blob('/etc/ssl/certs/ca-certificates.crt', 219_342, 0o644); b.blob('/lib/apk/db/installed', 26_001, 0o644); } },
    { createdBy: 'ENV GOLANG_VERSION=1.22.5', comment: BUILDKIT },
    { createdBy: 'ENV GOTOOLCHAIN=local', comment: BUILDKIT },
    { createdBy: 'ENV GOPATH=/go', comment: BUILDKIT },
    { createdBy: 'ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', comment: BUILDKIT },
    {
      createdBy: 'COPY /target/ / # buildkit',
      comment: BUILDKIT,
      files: (b) => { b.blob('/usr/local/go/bin/go', 14_280_000).file('/usr/local/go/VERSION', 'go1.22.5\ntime 2024-06-27T20:11:12Z\n'); fillTo(b, '/usr/local/go/src/bundle.tar', 211_500_000, 0o644); },
    },
    { createdBy: 'RUN /bin/sh -c mkdir -p "$GOPATH/src" "$GOPATH/bin" && chmod -R 1777 "$GOPATH" # buildkit', comment: BUILDKIT, files: (b) => { b.dir('/go', 0o1777).dir('/go/src', 0o1777).dir('/go/bin', 0o1777); } },
    { createdBy: 'WORKDIR /go', comment: BUILDKIT },
  ],
  config: {
    Env: ['PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'GOLANG_VERSION=1.22.5', 'GOTOOLCHAIN=local', 'GOPATH=/go'],
    Cmd: ['/bin/sh'],
    WorkingDir: '/go',
  },
};
