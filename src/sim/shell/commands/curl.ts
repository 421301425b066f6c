import type { ExecResult } from '../../api.ts';
import { resolveName, serverFor } from '../../net/reach.ts';
import type { Container } from '../../docker/container.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** nginx 1.25's default index.html (615 bytes). */
const NGINX_INDEX = `<!DOCTYPE html>
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

/** nginx's $time_local: `16/Sep/2024:11:45:03 +0000`. */
function timeLocal(ms: number): string {
  const d = new Date(ms);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${mon}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The server behind host:port as seen from the command's network namespace, or why there is none. */
function lookup(env: CmdEnv, host: string, port: number): { c: Container; client: string } | 'resolve' | 'connect' {
  const containers = [...env.daemon.containers.values()];
  const ip = resolveName(env.host, env.daemon.net, containers, env.self.ns.net, host);
  if (!ip) return 'resolve';
  return serverFor(env.host, env.daemon.net, containers, env.self.ns.net, ip, port) ?? 'connect';
}

function bodyOf(c: Container): string {
  return c.image.repo === 'nginx' ? NGINX_INDEX : `You've hit ${c.config.Hostname}\n`;
}

/** GET / on host:port: the page, logged by the server as its access log would (curl and busybox wget share it). */
export function httpGet(env: CmdEnv, host: string, port: number, agent: string): { body: string } | 'resolve' | 'connect' {
  const found = lookup(env, host, port);
  if (typeof found === 'string') return found;
  const { c, client } = found;
  const body = bodyOf(c);
  c.logs.push({ stream: 'stdout', text: c.image.repo === 'nginx' ? `${client} - - [${timeLocal(env.host.clock.nowMs)}] "GET / HTTP/1.1" 200 ${body.length} "-" "${agent}" "-"\n` : `Received request from ::ffff:${client}\n` });
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
      const body = bodyOf(c);
      const date = new Date(env.host.clock.nowMs).toUTCString();
      return R(c.image.repo === 'nginx' ? `HTTP/1.1 200 OK\r\nServer: nginx/1.25.5\r\nDate: ${date}\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n` : `HTTP/1.1 200 OK\r\nDate: ${date}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n`);
    }
    const got = httpGet(env, host, port, 'curl/8.5.0');
    if (typeof got === 'string') return R('', silent ? '' : got === 'resolve' ? `curl: (6) Could not resolve host: ${host}\n` : `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`, got === 'resolve' ? 6 : 7);
    const body = got.body;
    return R(body);
  },
};
