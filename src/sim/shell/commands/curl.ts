import type { ExecResult } from '../../api.ts';
import { learnTraffic } from '../../net/neigh.ts';
import { resolveName, serverFor } from '../../net/reach.ts';
import type { Container } from '../../docker/container.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { NGINX_INDEX_HTML } from '../../image/bases/nginx-files.ts';
import { accept, accessLine, errorLine, nginxGet, type NginxAnswer } from '../../net/nginxlog.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** nginx and nginxinc/nginx-unprivileged serve the same pages and log the same lines. */
const isNginx = (c: Container) => /^(nginx|nginxinc\/nginx-unprivileged)$/.test(c.image.repo);

/** The server behind host:port as seen from the command's network namespace, or why there is none. */
function lookup(env: CmdEnv, host: string, port: number): { c: Container; client: string } | 'resolve' | 'connect' {
  const containers = [...env.daemon.containers.values()];
  const ip = resolveName(env.host, env.daemon.net, containers, env.self.ns.net, host);
  if (!ip) return 'resolve';
  learnTraffic(env.host, env.daemon.net, containers, env.self.ns.net, ip, port);
  return serverFor(env.host, env.daemon.net, containers, env.self.ns.net, ip, port) ?? 'connect';
}

const bytes = (text: string) => new TextEncoder().encode(text).length;
const nginxVersion = (c: Container) => c.config.Env.find((e) => e.startsWith('NGINX_VERSION='))?.slice('NGINX_VERSION='.length) ?? '1.25.5';

/**
 * What the server sends for GET `path`: nginx serves the container's own root filesystem (net/nginxlog.ts nginxGet),
 * so a page the learner changed inside the container is what curl gets; other programs answer every path.
 */
async function answer(env: CmdEnv, c: Container, path: string): Promise<NginxAnswer> {
  if (!isNginx(c)) return { status: 200, body: `You've hit ${c.config.Hostname}\n` };
  const root = env.daemon.lib?.rootfs.get(c.id)?.root;
  if (!root) return { status: 200, body: NGINX_INDEX_HTML };
  const read = async (file: string) => {
    if (root.stat(file)?.type !== 'file') return undefined;
    return new TextDecoder().decode(root.readFile(file));
  };
  return nginxGet(path, nginxVersion(c), read, async (file) => root.stat(file)?.type === 'dir');
}

export interface HttpReply extends NginxAnswer {
  /** The server's Server header, when it sends one. */
  server?: string;
}

/**
 * GET `path` on host:port (`hostHeader` as the client sends it: `localhost:8080`): the reply, logged by the server
 * as its error and access logs would (curl and wget share it).
 */
export async function httpGet(
  env: CmdEnv,
  host: string,
  port: number,
  path: string,
  hostHeader: string,
  agent: string,
  method: 'GET' | 'HEAD' = 'GET',
): Promise<HttpReply | 'resolve' | 'connect'> {
  const found = lookup(env, host, port);
  if (typeof found === 'string') return found;
  const { c, client } = found;
  const reply = await answer(env, c, path);
  const now = env.host.clock.nowMs;
  if (!isNginx(c)) {
    c.logs.push({ stream: 'stdout', text: `Received request from ::ffff:${client}\n` });
    return reply;
  }
  const request = `${method} ${path} HTTP/1.1`;
  const master = c.pid ? env.host.kernel.procs.get(c.pid) : undefined;
  if (master) {
    const { conn, worker } = accept(env.host.kernel, master);
    if (reply.error) c.logs.push({ stream: 'stderr', text: errorLine(now, worker, conn, reply.error, { client, request, host: hostHeader }) });
  }
  // $body_bytes_sent: a HEAD reply has no body.
  c.logs.push({ stream: 'stdout', text: accessLine(client, now, request, reply.status, method === 'HEAD' ? 0 : bytes(reply.body), agent) });
  return { ...reply, server: `nginx/${nginxVersion(c)}` };
}

/** The status line's reason phrase (nginx's ngx_http_status_lines). */
export const REASON: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found' };

export const curl: SimCommand = {
  name: 'curl',
  async run(args, env) {
    let silent = false;
    let showErrors = false;
    let fail = false;
    let head = false;
    let url: string | undefined;
    for (const a of args) {
      if (a === '-s' || a === '--silent') silent = true;
      else if (a === '-S' || a === '--show-error') showErrors = true;
      else if (a === '-f' || a === '--fail') fail = true;
      else if (a === '-I' || a === '--head') head = true;
      else if (/^-[sSfLI]+$/.test(a)) {
        silent ||= a.includes('s');
        showErrors ||= a.includes('S');
        fail ||= a.includes('f');
        head ||= a.includes('I');
      } else if (a.startsWith('-')) return R('', `curl: option ${a}: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2);
      else url = a;
    }
    if (!url) return R('', "curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
    const m = /^(?:https?:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
    if (!m) return R('', `curl: (3) URL rejected: Malformed input to a URL function\n`, 3);
    const host = m[1] as string;
    const port = Number(m[2] ?? 80);
    // curl sends the port in Host only when it is not the scheme's default.
    const hostHeader = port === 80 ? host : `${host}:${port}`;
    const quietErr = silent && !showErrors;
    const got = await httpGet(env, host, port, m[3] ?? '/', hostHeader, 'curl/8.5.0', head ? 'HEAD' : 'GET');
    if (typeof got === 'string')
      return R(
        '',
        quietErr
          ? ''
          : got === 'resolve'
            ? `curl: (6) Could not resolve host: ${host}\n`
            : `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`,
        got === 'resolve' ? 6 : 7,
      );
    // curl@curl-8_5_0 lib/http.c http_should_fail / Curl_http_firstwrite: --fail on a status of 400 or more.
    if (fail && got.status >= 400) return R('', quietErr ? '' : `curl: (22) The requested URL returned error: ${got.status}\n`, 22);
    if (head) {
      const date = new Date(env.host.clock.nowMs).toUTCString();
      if (!got.server) return R(`HTTP/1.1 200 OK\r\nDate: ${date}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n`);
      const location = got.location ? `Location: http://${host}${got.location}\r\n` : '';
      return R(
        `HTTP/1.1 ${got.status} ${REASON[got.status]}\r\nServer: ${got.server}\r\nDate: ${date}\r\nContent-Type: text/html\r\nContent-Length: ${bytes(got.body)}\r\n${location}Connection: keep-alive\r\n\r\n`,
      );
    }
    return R(got.body);
  },
};
