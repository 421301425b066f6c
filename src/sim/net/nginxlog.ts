/**
 * nginx's log lines and what it answers to a GET, shared by curl/wget (a Docker container) and the kubelet's
 * httpGet probes (a pod).
 *
 * Access log: the default `main` log_format (nginx@1.25 conf/nginx.conf: `$remote_addr - $remote_user
 * [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_x_forwarded_for"`),
 * on stdout in the Docker image (/var/log/nginx/access.log -> /dev/stdout).
 *
 * Error log: on stderr (/var/log/nginx/error.log -> /dev/stderr), written while the request is handled, so before
 * its access line. nginx/nginx@release-1.25.5:
 * - src/core/ngx_log.c ngx_log_error_core: `YYYY/MM/DD HH:MM:SS [level] PID#TID: *CONN ` then the message, then
 *   ` (errno: strerror)` for a system error;
 * - src/http/ngx_http_request.c ngx_http_log_error_handler: `, client: %V`, `, server: %V`, `, request: "%V"`,
 *   `, host: "%V"`;
 * - src/http/modules/ngx_http_static_module.c: `open() "%s" failed` (ENOENT logged at NGX_LOG_ERR, as
 *   log_not_found is on);
 * - src/http/modules/ngx_http_index_module.c ngx_http_index_error: `"%s" is not found` (a directory that does not
 *   exist, with its slash), and src/http/ngx_http_core_module.c: `directory index of "%s" is forbidden`;
 * - src/event/ngx_event_accept.c: each accepted connection takes the next number of ngx_connection_counter, one
 *   counter for the whole server (shared by its workers, starting at 1).
 */
import type { Kernel } from '../kernel/kernel.ts';
import type { Proc } from '../kernel/types.ts';
import { attached } from '../attached.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** nginx's $time_local: `16/Sep/2024:11:45:03 +0000`. */
export function timeLocal(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${pad(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** ngx_cached_err_log_time: `2024/09/16 11:45:03`. */
function errLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function accessLine(client: string, nowMs: number, request: string, status: number, bytes: number, agent: string): string {
  return `${client} - - [${timeLocal(nowMs)}] "${request}" ${status} ${bytes} "-" "${agent}" "-"\n`;
}

/** One request as nginx's error log handler describes it. */
export interface RequestContext {
  client: string;
  request: string;
  /** The Host header as the client sent it (`localhost:8080`). */
  host: string;
}

/** The error log line of a request that failed (`[error] 29#29: *1 open() "…" failed (2: No such file or directory), client: …`). */
export function errorLine(nowMs: number, worker: number, conn: number, message: string, ctx: RequestContext): string {
  return `${errLogTime(nowMs)} [error] ${worker}#${worker}: *${conn} ${message}, client: ${ctx.client}, server: localhost, request: "${ctx.request}", host: "${ctx.host}"\n`;
}

/** ngx_connection_counter of each running nginx, by its master process (a restarted nginx counts from 1 again). */
const counters = attached<Proc, number>('counters');

/**
 * A new connection to the nginx whose master is `master`: its number, and the worker that accepts it as its PID in
 * the server's PID namespace (the first worker: with EPOLLEXCLUSIVE the kernel wakes the first waiter on the
 * listening socket, the worker that registered first).
 */
export function accept(k: Kernel, master: Proc): { conn: number; worker: number } {
  const conn = counters.get(master) ?? 1;
  counters.set(master, conn + 1);
  const workers = k
    .children(master)
    .filter((p) => p.state !== 'Z' && p.argv[0]?.startsWith('nginx: worker'))
    .sort((a, b) => a.pid - b.pid);
  const w = workers[0] ?? master;
  return { conn, worker: k.pidIn(w, master.ns.pid) ?? w.pid };
}

/** nginx's built-in error pages (src/http/ngx_http_special_response.c), CRLF line ends. */
export function nginxErrorPage(status: 301 | 403 | 404, version: string): string {
  const title = status === 301 ? '301 Moved Permanently' : status === 403 ? '403 Forbidden' : '404 Not Found';
  return [
    '<html>',
    `<head><title>${title}</title></head>`,
    '<body>',
    `<center><h1>${title}</h1></center>`,
    `<hr><center>nginx/${version}</center>`,
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
}

export interface NginxAnswer {
  status: 200 | 301 | 403 | 404;
  body: string;
  /** The error log message, when the request failed (no trailing context). */
  error?: string;
  /** Location of a 301 (a directory asked for without its slash). */
  location?: string;
}

const ROOT = '/usr/share/nginx/html';

/**
 * What the default server (conf.d/default.conf: `location / { root /usr/share/nginx/html; index index.html
 * index.htm; }`) answers to GET `path`: the file; for a directory, its index.html (else 403, as autoindex is off);
 * a directory without its slash is redirected (ngx_http_static_module: 301 to the path with `/`, absolute with the
 * listening port); a missing file is 404.
 */
export async function nginxGet(
  path: string,
  version: string,
  read: (file: string) => Promise<string | undefined>,
  isDir: (file: string) => Promise<boolean>,
): Promise<NginxAnswer> {
  const clean = (path.split('?')[0] ?? '/') || '/';
  if (clean.endsWith('/')) {
    for (const index of ['index.html', 'index.htm']) {
      const body = await read(`${ROOT}${clean}${index}`);
      if (body !== undefined) return { status: 200, body };
    }
    if (await isDir(`${ROOT}${clean}`)) return { status: 403, body: nginxErrorPage(403, version), error: `directory index of "${ROOT}${clean}" is forbidden` };
    return { status: 404, body: nginxErrorPage(404, version), error: `"${ROOT}${clean}" is not found (2: No such file or directory)` };
  }
  const body = await read(`${ROOT}${clean}`);
  if (body !== undefined) return { status: 200, body };
  if (await isDir(`${ROOT}${clean}`)) return { status: 301, body: nginxErrorPage(301, version), location: `${clean}/` };
  return { status: 404, body: nginxErrorPage(404, version), error: `open() "${ROOT}${clean}" failed (2: No such file or directory)` };
}
