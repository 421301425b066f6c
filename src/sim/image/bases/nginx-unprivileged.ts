/**
 * nginxinc/nginx-unprivileged:1.25 (debian bookworm variant): nginx 1.25.5 rebuilt to run as UID 101 on port 8080,
 * from nginxinc/docker-nginx-unprivileged@b3b9e1c:mainline/debian/Dockerfile ("Update mainline NGINX to 1.25.5").
 * Its first RUN installs nginx as the official image does (ARG UID=101, GID=101); a second RUN moves `listen` to 8080,
 * deletes `user  nginx;`, puts the pid file and the five temp paths in /tmp and gives /etc/nginx and /var/cache/nginx
 * to 101:0 with group write; the image ends with EXPOSE 8080 and USER 101.
 */
import { NGINX_MIME_TYPES } from './nginx-mime.ts';
import { NGINX_FASTCGI_PARAMS, NGINX_SCGI_PARAMS, NGINX_UWSGI_PARAMS } from './nginx-params.ts';
import { BUILDKIT, type BaseImageDef } from './define.ts';
import { NGINX_125 } from './catalog.ts';
import { NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_ENTRYPOINT, NGINX_SCRIPTS } from './nginx-files.ts';
import type { TreeBuilder } from '../tree.ts';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const ENV = ['NGINX_VERSION=1.25.5', 'NJS_VERSION=0.8.4', 'PKG_RELEASE=1~bookworm'];
const ARGS = '|2 UID=101 GID=101 ';

/** The five temp paths the Dockerfile's `sed -i "/^http {/a ..."` adds after `http {`. */
const TEMP_PATHS = '    proxy_temp_path /tmp/proxy_temp;\n    client_body_temp_path /tmp/client_temp;\n    fastcgi_temp_path /tmp/fastcgi_temp;\n    uwsgi_temp_path /tmp/uwsgi_temp;\n    scgi_temp_path /tmp/scgi_temp;\n\n';

/** nginx.conf after the Dockerfile's three `sed -i` edits. */
export const UNPRIVILEGED_NGINX_CONF = NGINX_CONF.replace('user  nginx;\n', '').replace('/var/run/nginx.pid', '/tmp/nginx.pid').replace(/^http \{\n/m, (m) => m + TEMP_PATHS);

/** conf.d/default.conf after `sed -i 's,listen       80;,listen       8080;,'`. */
export const UNPRIVILEGED_DEFAULT_CONF = NGINX_DEFAULT_CONF.replace('listen       80;', 'listen       8080;');

/** The image's own 10-listen-on-ipv6-by-default.sh, which looks for and adds `listen  [::]:8080;` (mainline/debian/, verbatim). */
const LISTEN_IPV6 = "#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nentrypoint_log() {\n    if [ -z \"${NGINX_ENTRYPOINT_QUIET_LOGS:-}\" ]; then\n        echo \"$@\"\n    fi\n}\n\nME=$(basename \"$0\")\nDEFAULT_CONF_FILE=\"etc/nginx/conf.d/default.conf\"\n\n# check if we have ipv6 available\nif [ ! -f \"/proc/net/if_inet6\" ]; then\n    entrypoint_log \"$ME: info: ipv6 not available\"\n    exit 0\nfi\n\nif [ ! -f \"/$DEFAULT_CONF_FILE\" ]; then\n    entrypoint_log \"$ME: info: /$DEFAULT_CONF_FILE is not a file or does not exist\"\n    exit 0\nfi\n\n# check if the file can be modified, e.g. not on a r/o filesystem\ntouch /$DEFAULT_CONF_FILE 2>/dev/null || { entrypoint_log \"$ME: info: can not modify /$DEFAULT_CONF_FILE (read-only file system?)\"; exit 0; }\n\n# check if the file is already modified, e.g. on a container restart\ngrep -q \"listen  \\[::]\\:8080;\" /$DEFAULT_CONF_FILE && { entrypoint_log \"$ME: info: IPv6 listen already enabled\"; exit 0; }\n\nif [ -f \"/etc/os-release\" ]; then\n    . /etc/os-release\nelse\n    entrypoint_log \"$ME: info: can not guess the operating system\"\n    exit 0\nfi\n\nentrypoint_log \"$ME: info: Getting the checksum of /$DEFAULT_CONF_FILE\"\n\ncase \"$ID\" in\n    \"debian\")\n        CHECKSUM=$(dpkg-query --show --showformat='${Conffiles}\\n' nginx | grep $DEFAULT_CONF_FILE | cut -d' ' -f 3)\n        echo \"$CHECKSUM  /$DEFAULT_CONF_FILE\" | md5sum -c - >/dev/null 2>&1 || {\n            entrypoint_log \"$ME: info: /$DEFAULT_CONF_FILE differs from the packaged version\"\n            exit 0\n        }\n        ;;\n    \"alpine\")\n        CHECKSUM=$(apk manifest nginx 2>/dev/null| grep $DEFAULT_CONF_FILE | cut -d' ' -f 1 | cut -d ':' -f 2)\n        echo \"$CHECKSUM  /$DEFAULT_CONF_FILE\" | sha1sum -c - >/dev/null 2>&1 || {\n            entrypoint_log \"$ME: info: /$DEFAULT_CONF_FILE differs from the packaged version\"\n            exit 0\n        }\n        ;;\n    *)\n        entrypoint_log \"$ME: info: Unsupported distribution\"\n        exit 0\n        ;;\nesac\n\n# enable ipv6 on default.conf listen sockets\nsed -i -E 's,listen       8080;,listen       8080;\\n    listen  [::]:8080;,' /$DEFAULT_CONF_FILE\n\nentrypoint_log \"$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE\"\n\nexit 0\n";

const firstRun = NGINX_125.steps.find((s) => typeof s.createdBy === 'string' && s.createdBy.startsWith('RUN /bin/sh -c set -x'));

export const NGINX_UNPRIVILEGED_125: BaseImageDef = {
  repo: 'docker.io/nginxinc/nginx-unprivileged',
  tags: ['1.25', '1.25.5', '1.25-bookworm', '1.25.5-bookworm'],
  created: '2024-06-13T02:05:41Z',
  from: NGINX_125.from!,
  platforms: ['amd64', 'arm64'],
  steps: [
    { createdBy: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', comment: BUILDKIT },
    ...ENV.map((e) => ({ createdBy: `ENV ${e}`, comment: BUILDKIT })),
    { createdBy: 'ARG UID=101', comment: BUILDKIT },
    { createdBy: 'ARG GID=101', comment: BUILDKIT },
    {
      createdBy: `RUN ${ARGS}/bin/sh -c set -x     && groupadd --system --gid $GID nginx || true     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid $UID nginx || true     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && apt-get install --no-install-recommends --no-install-suggests -y $nginxPackages gettext-base curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d # buildkit`,
      comment: BUILDKIT,
      ...(firstRun?.files ? { files: firstRun.files } : {}),
    },
    {
      createdBy: `RUN ${ARGS}/bin/sh -c sed -i 's,listen       80;,listen       8080;,' /etc/nginx/conf.d/default.conf     && sed -i '/user  nginx;/d' /etc/nginx/nginx.conf     && sed -i 's,/var/run/nginx.pid,/tmp/nginx.pid,' /etc/nginx/nginx.conf     && sed -i "/^http {/a \\    proxy_temp_path /tmp/proxy_temp;\\n    client_body_temp_path /tmp/client_temp;\\n    fastcgi_temp_path /tmp/fastcgi_temp;\\n    uwsgi_temp_path /tmp/uwsgi_temp;\\n    scgi_temp_path /tmp/scgi_temp;\\n" /etc/nginx/nginx.conf     && chown -R $UID:0 /var/cache/nginx     && chmod -R g+w /var/cache/nginx     && chown -R $UID:0 /etc/nginx     && chmod -R g+w /etc/nginx # buildkit`,
      comment: BUILDKIT,
      files: (b: TreeBuilder) => {
        b.dir('/etc/nginx', 0o775, 101, 0).dir('/etc/nginx/conf.d', 0o775, 101, 0);
        b.file('/etc/nginx/nginx.conf', UNPRIVILEGED_NGINX_CONF, 0o664, 101, 0).file('/etc/nginx/conf.d/default.conf', UNPRIVILEGED_DEFAULT_CONF, 0o664, 101, 0);
        // Size-only in the layer (the recorded digests), shown with their text in a container (tree.ts shown).
        b.shown('/etc/nginx/mime.types', 5_349, NGINX_MIME_TYPES, 0o664, 101, 0).shown('/etc/nginx/fastcgi_params', 1_007, NGINX_FASTCGI_PARAMS, 0o664, 101, 0);
        b.shown('/etc/nginx/scgi_params', 636, NGINX_SCGI_PARAMS, 0o664, 101, 0).shown('/etc/nginx/uwsgi_params', 664, NGINX_UWSGI_PARAMS, 0o664, 101, 0);
        b.dir('/var/cache/nginx', 0o775, 101, 0);
      },
    },
    { createdBy: 'COPY docker-entrypoint.sh / # buildkit', comment: BUILDKIT, files: (b) => b.file('/docker-entrypoint.sh', NGINX_ENTRYPOINT, 0o775) },
    ...NGINX_SCRIPTS.map(([name, text]) => ({
      createdBy: `COPY ${name} /docker-entrypoint.d # buildkit`,
      comment: BUILDKIT,
      files: (b: TreeBuilder) => { b.file(`/docker-entrypoint.d/${name}`, name.startsWith('10-') ? LISTEN_IPV6 : text, 0o775); },
    })),
    { createdBy: 'ENTRYPOINT ["/docker-entrypoint.sh"]', comment: BUILDKIT },
    { createdBy: 'EXPOSE map[8080/tcp:{}]', comment: BUILDKIT },
    { createdBy: 'STOPSIGNAL SIGQUIT', comment: BUILDKIT },
    { createdBy: 'USER 101', comment: BUILDKIT },
    { createdBy: 'CMD ["nginx" "-g" "daemon off;"]', comment: BUILDKIT },
  ],
  config: {
    Env: [PATH_ENV, ...ENV],
    Entrypoint: ['/docker-entrypoint.sh'],
    Cmd: ['nginx', '-g', 'daemon off;'],
    ExposedPorts: { '8080/tcp': {} },
    Labels: { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' },
    StopSignal: 'SIGQUIT',
    User: '101',
  },
};
