/**
 * The nginx binary of the official image (nginx 1.25.5 on debian bookworm) run as a command:
 * `docker exec web nginx -t`, `docker run --rm nginx nginx -v`. Options as ngx_get_options reads
 * them, the version texts of ngx_show_version_info, `-t`/`-T` as main() prints them, and `-s`
 * as ngx_signal_process sends them (nginx/nginx@release-1.25.5:src/core/nginx.c,
 * src/core/ngx_cycle.c, src/os/unix/ngx_process.c). Everything goes to stderr (ngx_write_stderr,
 * ngx_log_stderr) but -T's dump (ngx_write_stdout).
 */
import type { ExecResult } from '../../api.ts';
import { NGINX_MIME_TYPES } from '../../image/bases/nginx-mime.ts';
import { testConf } from '../../runtime/nginx-conf.ts';
import { ngxLogLine as logLine, nginxMasterSignal } from '../../runtime/nginx-signals.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });
const CONF = '/etc/nginx/nginx.conf';

/** ngx_show_version_info's -h text (NGX_PREFIX /etc/nginx/, NGX_ERROR_LOG_PATH and NGX_CONF_PATH from the image's configure arguments). */
const HELP =
  'Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n' +
  '             [-e filename] [-c filename] [-g directives]\n\n' +
  'Options:\n' +
  '  -?,-h         : this help\n' +
  '  -v            : show version and exit\n' +
  '  -V            : show version and configure options then exit\n' +
  '  -t            : test configuration and exit\n' +
  '  -T            : test configuration, dump it and exit\n' +
  '  -q            : suppress non-error messages during configuration testing\n' +
  '  -s signal     : send signal to a master process: stop, quit, reopen, reload\n' +
  '  -p prefix     : set prefix path (default: /etc/nginx/)\n' +
  '  -e filename   : set error log file (default: /var/log/nginx/error.log)\n' +
  '  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)\n' +
  '  -g directives : set global directives out of configuration file\n\n';

/**
 * `nginx -V` of the nginx:1.25.5 image. No source file holds it: the compiler, OpenSSL and configure lines are the
 * nginx.org bookworm package's build (pkg-oss), as a capture of `nginx -V` in that image prints them (OpenSSL 3.0.11
 * is bookworm 12.5's libssl3, the image's base here).
 */
const CONFIGURE =
  'built by gcc 12.2.0 (Debian 12.2.0-14) \n' +
  'built with OpenSSL 3.0.9 30 May 2023 (running with OpenSSL 3.0.11 19 Sep 2023)\n' +
  'TLS SNI support enabled\n' +
  "configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/var/run/nginx.pid --lock-path=/var/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp --http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp --http-scgi-temp-path=/var/cache/nginx/scgi_temp --user=nginx --group=nginx --with-compat --with-file-aio --with-threads --with-http_addition_module --with-http_auth_request_module --with-http_dav_module --with-http_flv_module --with-http_gunzip_module --with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_realip_module --with-http_secure_link_module --with-http_slice_module --with-http_ssl_module --with-http_stub_status_module --with-http_sub_module --with-http_v2_module --with-http_v3_module --with-mail --with-mail_ssl_module --with-stream --with-stream_realip_module --with-stream_ssl_module --with-stream_ssl_preread_module --with-cc-opt='-g -O2 -ffile-prefix-map=/data/builder/debuild/nginx-1.25.5/debian/debuild-base/nginx-1.25.5=. -fstack-protector-strong -Wformat -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -fPIC' --with-ld-opt='-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'\n";

/** ngx_signal_process's names and signals (src/os/unix/ngx_process.c signals[]: NGX_*_SIGNAL on Linux). */
const SIGNALS: Readonly<Record<string, number>> = { stop: 15, quit: 3, reopen: 10, reload: 1 };

interface Options {
  version?: boolean;
  help?: boolean;
  configure?: boolean;
  test?: boolean;
  dump?: boolean;
  quiet?: boolean;
  signal?: string;
  conf: string;
}

/** ngx_get_options: clustered letters, -p/-e/-c/-g/-s take the rest of the word or the next one. */
function options(args: readonly string[]): Options | string {
  const o: Options = { conf: CONF };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('-')) return `invalid option: "${a}"`;
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (c === '?' || c === 'h') o.version = o.help = true;
      else if (c === 'v') o.version = true;
      else if (c === 'V') o.version = o.configure = true;
      else if (c === 't') o.test = true;
      else if (c === 'T') o.test = o.dump = true;
      else if (c === 'q') o.quiet = true;
      else if ('pecgs'.includes(c)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        const need = {
          p: 'option "-p" requires directory name',
          e: 'option "-e" requires file name',
          c: 'option "-c" requires file name',
          g: 'option "-g" requires parameter',
          s: 'option "-s" requires parameter',
        }[c as 'p'];
        if (value === undefined) return need;
        if (c === 'c') o.conf = value.startsWith('/') ? value : `/etc/nginx/${value}`;
        if (c === 's') {
          if (!SIGNALS[value]) return `invalid option: "-s ${value}"`;
          o.signal = value;
        }
        break;
      } else return `invalid option: "${c}"`;
    }
  }
  return o;
}

/**
 * A second nginx in a container whose master serves: ngx_open_listening_sockets tries each `listen` 5 times, 500 ms
 * apart (the clock is not moved; the stamps are), then gives up (nginx/nginx@release-1.25.5:src/core/ngx_connection.c).
 * The [emerg] lines also go to the console: ngx_use_stderr is still 1 then.
 */
function bindFailures(env: CmdEnv, pid: number, files: readonly { text: string }[]): string {
  const addrs = files.flatMap((f) =>
    [...f.text.matchAll(/^\s*listen\s+([^\s;]+)/gm)].map((m) => (/^\d+$/.test(m[1] as string) ? `0.0.0.0:${m[1]}` : (m[1] as string))),
  );
  const at = (ms: number) => env.host.clock.nowMs + ms;
  let out = '';
  for (let i = 0; i < 5; i++) {
    for (const a of addrs) {
      const msg = `bind() to ${a} failed (98: Address already in use)`;
      out += `${logLine(at(i * 500), 'emerg', pid, msg)}nginx: [emerg] ${msg}\n`;
    }
    out += logLine(at(i * 500), 'notice', pid, 'try again to bind() after 500ms');
  }
  return `${out}${logLine(at(2500), 'emerg', pid, 'still could not bind()')}nginx: [emerg] still could not bind()\n`;
}

export const nginx: SimCommand = {
  name: 'nginx',
  async run(args, env) {
    const o = options(args);
    if (typeof o === 'string') return R('', `nginx: ${o}\n`, 1);
    let err = '';
    if (o.version) {
      err += `nginx version: nginx/1.25.5\n${o.help ? HELP : ''}${o.configure ? CONFIGURE : ''}`;
      if (!o.test) return R('', err, 0);
    }
    const k = env.host.kernel;
    const pid = k.pidIn(env.self, env.self.ns.pid) ?? env.self.pid;
    const t = await testConf(o.conf, {
      read: async (path) => {
        const text = await env.readFile(path).catch(() => undefined);
        // The package's mime.types is a size-only file in the image fixture (image/bases/catalog.ts): its text.
        return text ?? (path === '/etc/nginx/mime.types' ? NGINX_MIME_TYPES : undefined);
      },
      list: async (dir) => env.fs.readdir(dir).catch(() => [] as string[]),
    });
    if (!t.ok) {
      // The error log (/var/log/nginx/error.log → /dev/stderr in the image) and the console line (ngx_log_error_core).
      err += `${logLine(env.host.clock.nowMs, 'emerg', pid, t.error)}nginx: [emerg] ${t.error}\n`;
      if (o.test) err += `nginx: configuration file ${o.conf} test failed\n`;
      return R('', err, 1);
    }
    if (o.test) {
      // ngx_init_cycle: "the configuration file %s syntax is ok"; main(): "… test is successful", then -T's dump.
      if (!o.quiet) err += `nginx: the configuration file ${o.conf} syntax is ok\nnginx: configuration file ${o.conf} test is successful\n`;
      const dump = o.dump ? t.files.map((f) => `# configuration file ${f.name}:\n${f.text}\n`).join('') : '';
      return R(dump, err, 0);
    }
    if (o.signal) return signalMaster(env, o.signal, pid);
    return R('', err + bindFailures(env, pid, t.files), 1);
  },
};

/** ngx_signal_process: the master's PID from /var/run/nginx.pid (PID 1 of a running nginx container), then kill(2). */
function signalMaster(env: CmdEnv, name: string, pid: number): ExecResult {
  const k = env.host.kernel;
  const master = [...k.procs.values()].find((p) => k.pidIn(p, env.self.ns.pid) === 1 && p.state !== 'Z' && p.argv[0]?.startsWith('nginx: master process'));
  // ngx_use_stderr is still 1 in a signaller (nginx.c clears it later): an [error] also goes to the console.
  const missing = 'open() "/var/run/nginx.pid" failed (2: No such file or directory)';
  if (!master)
    return R(
      '',
      `${logLine(env.host.clock.nowMs, 'notice', pid, 'signal process started')}${logLine(env.host.clock.nowMs, 'error', pid, missing)}nginx: [error] ${missing}\n`,
      1,
    );
  const sig = SIGNALS[name] as number;
  const c = master.containerId ? env.daemon.containers.get(master.containerId) : undefined;
  // The signaller runs in the container's PID namespace: the master sees its PID (runtime/nginx-signals.ts).
  nginxMasterSignal(k, master, sig, pid, (line) => c?.logs.push({ stream: 'stderr', text: line }));
  return R('', logLine(env.host.clock.nowMs, 'notice', pid, 'signal process started'), 0);
}
