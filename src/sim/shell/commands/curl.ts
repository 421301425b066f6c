import type { ExecResult } from '../../api.ts';
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

/** Which container answers on host:port as seen from the current network namespace. */
function server(env: CmdEnv, host: string, port: number) {
  const running = [...env.daemon.containers.values()].filter((c) => c.status === 'running');
  const hostNet = env.self.ns.net === env.host.fixture.namespaces.net;
  const local = host === 'localhost' || host === '127.0.0.1' || host === '0.0.0.0';
  for (const c of running) {
    const inner = c.image.repo === 'nginx' ? 80 : c.image.repo === 'kubia' ? 8080 : undefined;
    if (inner === undefined) continue;
    const published = c.ports.some((p) => p.hostPort === port && p.containerPort === inner);
    if (hostNet && local && published) return c;
    if (hostNet && local && c.hostConfig.NetworkMode === 'host' && port === inner) return c;
    if (host === c.ip && port === inner) return c;
    if (!hostNet && local && env.self.ns.net === c.netns && port === inner) return c;
  }
  return undefined;
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
    const c = server(env, host, port);
    if (!c) return R('', silent ? '' : `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n`, 7);
    const body = c.image.repo === 'nginx' ? NGINX_INDEX : `You've hit ${c.config.Hostname}\n`;
    if (head) {
      const date = new Date(env.host.clock.nowMs).toUTCString();
      return R(c.image.repo === 'nginx' ? `HTTP/1.1 200 OK\r\nServer: nginx/1.25.5\r\nDate: ${date}\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n` : `HTTP/1.1 200 OK\r\nDate: ${date}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n`);
    }
    const progress = silent || !env.tty ? '' : '';
    c.logs.push({ stream: 'stdout', text: c.image.repo === 'nginx' ? `172.17.0.1 - - [${new Date(env.host.clock.nowMs).toUTCString()}] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n` : `Received request from ::ffff:172.17.0.1\n` });
    return R(body, progress);
  },
};
