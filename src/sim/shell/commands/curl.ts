import type { ExecResult } from '../../api.ts';
import { resolveName, serverFor } from '../../net/reach.ts';
import type { Container } from '../../docker/container.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { NGINX_INDEX_HTML } from '../../image/bases/nginx-files.ts';
import { accessLine } from '../../net/nginxlog.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** nginx and nginxinc/nginx-unprivileged serve the same pages and log the same lines. */
const isNginx = (c: Container) => /^(nginx|nginxinc\/nginx-unprivileged)$/.test(c.image.repo);

/** The server behind host:port as seen from the command's network namespace, or why there is none. */
function lookup(env: CmdEnv, host: string, port: number): { c: Container; client: string } | 'resolve' | 'connect' {
  const containers = [...env.daemon.containers.values()];
  const ip = resolveName(env.host, env.daemon.net, containers, env.self.ns.net, host);
  if (!ip) return 'resolve';
  return serverFor(env.host, env.daemon.net, containers, env.self.ns.net, ip, port) ?? 'connect';
}

/**
 * What the server sends for `/`: nginx serves index.html from the container's own root
 * filesystem, so a page the learner changed inside the container is what curl gets.
 */
function bodyOf(env: CmdEnv, c: Container): { status: 200 | 403; body: string } {
  if (!isNginx(c)) return { status: 200, body: `You've hit ${c.config.Hostname}\n` };
  const root = env.daemon.lib?.rootfs.get(c.id)?.root;
  if (!root) return { status: 200, body: NGINX_INDEX_HTML };
  try {
    return { status: 200, body: new TextDecoder().decode(root.readFile('/usr/share/nginx/html/index.html')) };
  } catch {
    // No index file: the default server has no autoindex, so nginx forbids the directory.
    return { status: 403, body: NGINX_FORBIDDEN };
  }
}

// nginx's built-in error pages end their lines with CRLF (ngx_http_special_response.c): 153 bytes.
const NGINX_FORBIDDEN = [
  '<html>',
  '<head><title>403 Forbidden</title></head>',
  '<body>',
  '<center><h1>403 Forbidden</h1></center>',
  '<hr><center>nginx/1.25.5</center>',
  '</body>',
  '</html>',
  '',
].join('\r\n');

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** GET / on host:port: the page, logged by the server as its access log would (curl and busybox wget share it). */
export function httpGet(env: CmdEnv, host: string, port: number, agent: string): { body: string } | 'resolve' | 'connect' {
  const found = lookup(env, host, port);
  if (typeof found === 'string') return found;
  const { c, client } = found;
  const { status, body } = bodyOf(env, c);
  c.logs.push({ stream: 'stdout', text: isNginx(c) ? accessLine(client, env.host.clock.nowMs, 'GET / HTTP/1.1', status, bytes(body), agent) : `Received request from ::ffff:${client}\n` });
  return { body };
}

export const curl: SimCommand = {
  name: 'curl',
  async run(args, env) {
    let silent = false;
    let head = false;
    let url: string | undefined;
    for (const a of args) {
      if (a === '-s' || a === '--silent') silent = true;
      else if (a === '-I' || a === '--head') head = true;
      else if (/^-[sSfLI]+$/.test(a)) {
        silent ||= a.includes('s');
        head ||= a.includes('I');
      } else if (a.startsWith('-')) return R('', `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2);
      else url = a;
    }
    if (!url) return R('', "curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
    if (!m) return R('', `curl: (3) URL rejected: Malformed input to a URL function\n`, 3);
    const host = m[1] as string;
    const port = Number(m[2] ?? 80);
    if (head) {
      const found = lookup(env, host, port);
      if (typeof found === 'string') return R('', silent ? '' : found === 'resolve' ? `curl: (6) Could not resolve host: ${host}\n` : `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`, found === 'resolve' ? 6 : 7);
      const { c } = found;
      const { status, body } = bodyOf(env, c);
      const date = new Date(env.host.clock.nowMs).toUTCString();
      return R(isNginx(c) ? `HTTP/1.1 ${status === 200 ? '200 OK' : '403 Forbidden'}\r\nServer: nginx/1.25.5\r\nDate: ${date}\r\nContent-Type: text/html\r\nContent-Length: ${bytes(body)}\r\nConnection: keep-alive\r\n\r\n` : `HTTP/1.1 200 OK\r\nDate: ${date}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n`);
    }
    const got = httpGet(env, host, port, 'curl/8.5.0');
    if (typeof got === 'string') return R('', silent ? '' : got === 'resolve' ? `curl: (6) Could not resolve host: ${host}\n` : `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`, got === 'resolve' ? 6 : 7);
    const body = got.body;
    return R(body);
  },
};
