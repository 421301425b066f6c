/** Files of the official nginx image (1.25, debian bookworm variant), verbatim where short. */

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

/** The welcome page (615 bytes), what `curl localhost:8080` prints. */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/**
 * nginxinc/docker-nginx@1.25.5:mainline/debian/docker-entrypoint.sh, less its two "# warn on shell scripts without exec
 * bit" comment lines: this text is a layer's content, and the nginx image's digests that the lessons show were fixed
 * from it. What dash reports with the real file's line numbers (exec at line 47) says so (docker/images.ts).
 */
export const NGINX_ENTRYPOINT = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    if /usr/bin/find "/docker-entrypoint.d/" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
        entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"

        entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Sourcing $f";
                        . "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Launching $f";
                        "$f"
                    else
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *) entrypoint_log "$0: Ignoring $f";;
            esac
        done

        entrypoint_log "$0: Configuration complete; ready for start up"
    else
        entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

export const NGINX_SCRIPTS: [string, string][] = [
  ['10-listen-on-ipv6-by-default.sh', '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nME=$(basename "$0")\nDEFAULT_CONF_FILE="etc/nginx/conf.d/default.conf"\n\n# check if we have ipv6 available\nif [ ! -f "/proc/net/if_inet6" ]; then\n    echo >&3 "$ME: info: ipv6 not available"\n    exit 0\nfi\n\nsed -i -E \'s,listen       80;,listen       80;\\n    listen  [::]:80;,\' /$DEFAULT_CONF_FILE\n\necho >&3 "$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE"\n\nexit 0\n'],
  ['15-local-resolvers.envsh', '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n\nLC_ALL=C\nPATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n\n[ "${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0\n\nNGINX_LOCAL_RESOLVERS=$(awk \'BEGIN{ORS=" "} $1=="nameserver" {print $2}\' /etc/resolv.conf)\nexport NGINX_LOCAL_RESOLVERS\n'],
  ['20-envsubst-on-templates.sh', '#!/bin/sh\n\nset -e\n\nME=$(basename "$0")\n\nauto_envsubst() {\n  local template_dir="${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"\n  local suffix="${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"\n  local output_dir="${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"\n  [ -d "$template_dir" ] || return 0\n  find "$template_dir" -follow -type f -name "*$suffix" -print | while read -r template; do\n    envsubst "$defined_envs" < "$template" > "$output_path"\n  done\n}\n\nauto_envsubst\n\nexit 0\n'],
  ['30-tune-worker-processes.sh', '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n\nLC_ALL=C\nME=$(basename "$0")\nPATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n\n[ "${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0\n\ntouch /etc/nginx/nginx.conf 2>/dev/null || { echo >&3 "$ME: error: can not modify /etc/nginx/nginx.conf (read-only file system?)"; exit 0; }\n'],
];
