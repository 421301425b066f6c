/**
 * nginx 1.25.5's configuration reader, as far as `nginx -t` needs it: the tokenizer and the
 * directive checks of nginx/nginx@release-1.25.5:src/core/ngx_conf_file.c (ngx_conf_read_token,
 * ngx_conf_handler, ngx_conf_log_error's " in %s:%ui"), `include` with glob(3)'s sorted matches
 * (ngx_conf_include), and the directives of the official image's configuration with their
 * contexts and argument counts from each module's ngx_command_t table (ngx_core_module,
 * ngx_events_module, ngx_http_core_module, ngx_http_log_module, ngx_http_index_module, …).
 * A directive not in the table is "unknown", as it is to an nginx built without its module.
 */

type Ctx = 'main' | 'events' | 'http' | 'server' | 'location' | 'upstream' | 'types';
/** Where a directive may appear, whether it opens a block, its argument count [min, max], FLAG (on|off). */
interface Directive {
  ctx: readonly Ctx[];
  block?: boolean;
  args: readonly [number, number];
  flag?: boolean;
}
const HSL: readonly Ctx[] = ['http', 'server', 'location'];
const MANY = 1000;
const DIRECTIVES: Readonly<Record<string, Directive>> = {
  user: { ctx: ['main'], args: [1, 2] },
  worker_processes: { ctx: ['main'], args: [1, 1] },
  worker_rlimit_nofile: { ctx: ['main'], args: [1, 1] },
  pid: { ctx: ['main'], args: [1, 1] },
  daemon: { ctx: ['main'], args: [1, 1], flag: true },
  load_module: { ctx: ['main'], args: [1, 1] },
  env: { ctx: ['main'], args: [1, 1] },
  error_log: { ctx: ['main', ...HSL], args: [1, MANY] },
  events: { ctx: ['main'], block: true, args: [0, 0] },
  worker_connections: { ctx: ['events'], args: [1, 1] },
  multi_accept: { ctx: ['events'], args: [1, 1], flag: true },
  use: { ctx: ['events'], args: [1, 1] },
  http: { ctx: ['main'], block: true, args: [0, 0] },
  server: { ctx: ['http'], block: true, args: [0, 0] },
  upstream: { ctx: ['http'], block: true, args: [1, 1] },
  location: { ctx: ['server', 'location'], block: true, args: [1, 2] },
  types: { ctx: HSL, block: true, args: [0, 0] },
  include: { ctx: ['main', 'events', ...HSL, 'upstream', 'types'], args: [1, 1] },
  default_type: { ctx: HSL, args: [1, 1] },
  log_format: { ctx: ['http'], args: [2, MANY] },
  access_log: { ctx: HSL, args: [1, MANY] },
  sendfile: { ctx: HSL, args: [1, 1], flag: true },
  tcp_nopush: { ctx: HSL, args: [1, 1], flag: true },
  tcp_nodelay: { ctx: HSL, args: [1, 1], flag: true },
  keepalive_timeout: { ctx: HSL, args: [1, 2] },
  gzip: { ctx: HSL, args: [1, 1], flag: true },
  server_tokens: { ctx: HSL, args: [1, 1] },
  client_max_body_size: { ctx: HSL, args: [1, 1] },
  listen: { ctx: ['server'], args: [1, MANY] },
  server_name: { ctx: ['server'], args: [1, MANY] },
  root: { ctx: HSL, args: [1, 1] },
  alias: { ctx: ['location'], args: [1, 1] },
  index: { ctx: HSL, args: [1, MANY] },
  autoindex: { ctx: HSL, args: [1, 1], flag: true },
  error_page: { ctx: HSL, args: [2, MANY] },
  try_files: { ctx: ['server', 'location'], args: [2, MANY] },
  return: { ctx: ['server', 'location'], args: [1, 2] },
  rewrite: { ctx: ['server', 'location'], args: [2, 3] },
  add_header: { ctx: HSL, args: [2, 3] },
  expires: { ctx: HSL, args: [1, 2] },
  charset: { ctx: HSL, args: [1, 1] },
  allow: { ctx: HSL, args: [1, 1] },
  deny: { ctx: HSL, args: [1, 1] },
  proxy_pass: { ctx: ['location'], args: [1, 1] },
  proxy_set_header: { ctx: HSL, args: [2, 2] },
  proxy_http_version: { ctx: HSL, args: [1, 1] },
  fastcgi_pass: { ctx: ['location'], args: [1, 1] },
  fastcgi_param: { ctx: HSL, args: [2, 3] },
  fastcgi_index: { ctx: HSL, args: [1, 1] },
  resolver: { ctx: HSL, args: [1, MANY] },
  stub_status: { ctx: ['server', 'location'], args: [0, 1] },
  ssl_certificate: { ctx: ['http', 'server'], args: [1, 1] },
  ssl_certificate_key: { ctx: ['http', 'server'], args: [1, 1] },
};
/** ngx_http_core_listen's parameters after the address (nginx/nginx@release-1.25.5:src/http/ngx_http_core_module.c). */
const LISTEN_PARAMS =
  /^(default_server|default|ssl|http2|quic|proxy_protocol|bind|deferred|reuseport|(backlog|rcvbuf|sndbuf|setfib|fastopen|accept_filter|ipv6only|so_keepalive)=.*)$/;

export interface ConfFile {
  name: string;
  text: string;
}
/** The result of a test: the files read in order (what -T dumps), or the first error (message with " in FILE:LINE"). */
export type ConfTest = { ok: true; files: ConfFile[] } | { ok: false; error: string; files: ConfFile[] };

interface Token {
  words: string[];
  /** ';', '{', '}' (block end), or 'eof'. */
  end: ';' | '{' | '}' | 'eof';
}

class Failure extends Error {}

/** ngx_conf_read_token over one file: words up to `;`, `{` or `}`; quotes, backslash escapes, `#` comments. */
function* tokens(f: ConfFile, line: { n: number }): Generator<Token> {
  const t = f.text;
  let words: string[] = [];
  let i = 0;
  const fail = (msg: string): never => {
    throw new Failure(`${msg} in ${f.name}:${line.n}`);
  };
  while (i <= t.length) {
    if (i === t.length) {
      if (words.length) fail('unexpected end of file, expecting ";" or "}"');
      yield { words, end: 'eof' };
      return;
    }
    const ch = t[i] as string;
    if (ch === '\n') line.n++;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === ';' || ch === '{') {
      if (!words.length) fail(`unexpected "${ch}"`);
      i++;
      yield { words, end: ch };
      words = [];
      continue;
    }
    if (ch === '}') {
      if (words.length) fail('unexpected "}"');
      i++;
      yield { words, end: '}' };
      continue;
    }
    if (ch === '#') {
      while (i < t.length && t[i] !== '\n') i++;
      continue;
    }
    let w = '';
    const quote = ch === '"' || ch === "'" ? ch : undefined;
    if (quote) i++;
    for (; i < t.length; i++) {
      const c = t[i] as string;
      if (c === '\\' && i + 1 < t.length) {
        w += t[++i];
        continue;
      }
      if (quote ? c === quote : /[\s;{}]/.test(c)) break;
      if (c === '\n') line.n++;
      w += c;
    }
    if (quote) {
      if (i >= t.length) fail('unexpected end of file, expecting ";" or "}"');
      i++;
      if (i < t.length && !/[\s;{})]/.test(t[i] as string)) fail(`unexpected "${t[i]}"`);
    }
    words.push(w);
  }
}

/** Reads files for `include`: the text of a path, or undefined when it does not exist; `list` returns a directory's names. */
export interface ConfReader {
  read(path: string): Promise<string | undefined>;
  list(dir: string): Promise<string[]>;
}

function globRe(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .replace(/[.+^$()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
}

/** `nginx -t` on the configuration at `path` (the compiled-in /etc/nginx/nginx.conf; prefix /etc/nginx/). */
export async function testConf(path: string, fs: ConfReader): Promise<ConfTest> {
  const files: ConfFile[] = [];
  const parse = async (name: string, ctx: Ctx, from?: { name: string; line: number }): Promise<void> => {
    const text = await fs.read(name);
    if (text === undefined) {
      const where = from ? ` in ${from.name}:${from.line}` : '';
      throw new Failure(`open() "${name}" failed (2: No such file or directory)${where}`);
    }
    const f = { name, text };
    files.push(f);
    const line = { n: 1 };
    const stack: Ctx[] = [ctx];
    for (const tok of tokens(f, line)) {
      const cur = stack[stack.length - 1] as Ctx;
      const fail = (msg: string): never => {
        throw new Failure(`${msg} in ${name}:${line.n}`);
      };
      if (tok.end === 'eof') {
        if (stack.length > 1) fail('unexpected end of file, expecting "}"');
        return;
      }
      if (tok.end === '}') {
        if (stack.length === 1) fail('unexpected "}"');
        stack.pop();
        continue;
      }
      // Inside `types { … }` every line is a MIME type and its extensions (ngx_http_core_type).
      if (cur === 'types') {
        if (tok.words[0] !== 'include') continue;
      }
      const [dname, ...args] = tok.words as [string, ...string[]];
      const upstreamServer = dname === 'server' && cur === 'upstream';
      const d = upstreamServer ? { ctx: ['upstream'] as Ctx[], args: [1, MANY] as const } : DIRECTIVES[dname];
      if (!d) fail(`unknown directive "${dname}"`);
      const dir = d as Directive;
      if (!dir.ctx.includes(cur)) fail(`"${dname}" directive is not allowed here`);
      if (!dir.block && tok.end !== ';') fail(`directive "${dname}" is not terminated by ";"`);
      if (dir.block && tok.end !== '{') fail(`directive "${dname}" has no opening "{"`);
      if (args.length < dir.args[0] || args.length > dir.args[1]) fail(`invalid number of arguments in "${dname}" directive`);
      if (dir.flag && args[0] !== 'on' && args[0] !== 'off') fail(`invalid value "${args[0]}" in "${dname}" directive, it must be "on" or "off"`);
      if (dname === 'listen') for (const p of args.slice(1)) if (!LISTEN_PARAMS.test(p)) fail(`invalid parameter "${p}"`);
      if (dir.block)
        stack.push(dname === 'http' || dname === 'events' || dname === 'types' || dname === 'upstream' ? dname : dname === 'server' ? 'server' : 'location');
      if (dname === 'include') {
        const target = (args[0] as string).startsWith('/') ? (args[0] as string) : `/etc/nginx/${args[0]}`;
        if (!/[*?[]/.test(target)) await parse(target, cur, { name, line: line.n });
        else {
          const slash = target.lastIndexOf('/');
          const re = globRe(target.slice(slash + 1));
          for (const n of (await fs.list(target.slice(0, slash) || '/')).filter((x) => re.test(x)).sort())
            await parse(`${target.slice(0, slash)}/${n}`, cur, { name, line: line.n });
        }
      }
    }
  };
  try {
    await parse(path, 'main');
    return { ok: true, files };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.message, files };
    throw e;
  }
}
