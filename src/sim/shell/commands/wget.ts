import type { ExecResult } from '../../api.ts';
import { hostLookup } from '../host-lookup.ts';
import type { SimCommand } from '../types.ts';
import { resolveName } from '../../net/reach.ts';
import { httpGet, REASON } from './curl.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/**
 * wget: busybox's in alpine (which has no curl) and GNU wget 1.21 on the Ubuntu host.
 * `wget -qO- http://web`, `wget -O - URL`, `wget URL` (saves index.html). Names resolve
 * like curl's, through Docker's DNS on user-defined networks. Without -q it prints the
 * connect and save lines; the progress bar is left out.
 */
export const wget: SimCommand = {
  name: 'wget',
  async run(args, env) {
    let quiet = false;
    let out: string | undefined;
    let url: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      const m = /^-([qO]+)(.*)$/.exec(a);
      if (a === '-O' || a === '--output-document') out = args[++i];
      else if (a === '-q' || a === '--quiet') quiet = true;
      else if (m && !a.startsWith('--')) {
        quiet ||= (m[1] as string).includes('q');
        if ((m[1] as string).endsWith('O')) out = m[2] || args[++i];
      } else if (a.startsWith('-')) return R('', `wget: unrecognized option: ${a.replace(/^-+/, '')}\n`, 1);
      else url = a;
    }
    if (!url)
      return R(
        '',
        'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n',
        1,
      );
    const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(url);
    if (!m) return R('', `wget: not an http or ftp url: ${url}\n`, 1);
    const host = m[1] as string;
    const port = Number(m[2] ?? 80);
    const gnu = env.flavor !== 'busybox';
    const got = await httpGet(env, host, port, m[3] ?? '/', m[2] && port !== 80 ? `${host}:${port}` : host, gnu ? 'Wget/1.21.4' : 'Wget');
    const looked = await hostLookup(env, host);
    const ip =
      ('addr' in looked ? looked.addr : undefined) ?? resolveName(env.host, env.daemon.net, env.daemon.containers.values(), env.self.ns.net, host) ?? host;
    const file = out ?? 'index.html';
    const toStdout = file === '-';
    if (gnu) {
      // GNU wget (the Ubuntu host): -q silences everything, errors included; failures exit 4.
      const ts = new Date(env.host.clock.nowMs).toISOString().replace('T', ' ').slice(0, 19);
      const full = `http://${host}${m[2] ? `:${port}` : ''}${m[3] ?? '/'}`;
      // GNU wget@v1.21.4 src/host.c lookup_host: `failed: %s.` with gai_strerror (glibc's answer on node1: net/gai.ts).
      if ('error' in looked)
        return R(
          '',
          quiet
            ? ''
            : `--${ts}--  ${full}\nResolving ${host} (${host})... failed: ${looked.error}.\nwget: unable to resolve host address \u2018${host}\u2019\n`,
          4,
        );
      if (got === 'resolve')
        return R(
          '',
          quiet
            ? ''
            : `--${ts}--  ${full}\nResolving ${host} (${host})... failed: Name or service not known.\nwget: unable to resolve host address \u2018${host}\u2019\n`,
          4,
        );
      const connecting = `--${ts}--  ${full}\n${ip === host ? '' : `Resolving ${host} (${host})... ${ip}\n`}Connecting to ${host} (${host})|${ip}|:${port}... `;
      if (got === 'connect') return R('', quiet ? '' : `${connecting}failed: Connection refused.\n`, 4);
      // GNU wget@v1.21.4 src/http.c: the status line, then `ERROR 404: Not Found.`; a server error exits 8.
      if (got.status >= 400)
        return R(
          '',
          quiet
            ? ''
            : `${connecting}connected.\nHTTP request sent, awaiting response... ${got.status} ${REASON[got.status]}\n${ts} ERROR ${got.status}: ${REASON[got.status]}.\n\n`,
          8,
        );
      const name = toStdout ? 'STDOUT' : file;
      const log = quiet
        ? ''
        : `${connecting}connected.\nHTTP request sent, awaiting response... 200 OK\nLength: ${got.body.length} [text/html]\nSaving to: \u2018${name}\u2019\n\n${ts} - ${toStdout ? 'written to stdout' : `\u2018${file}\u2019 saved`} [${got.body.length}/${got.body.length}]\n\n`;
      if (toStdout) return R(got.body, log);
      await env.fs.writeFile(env.fs.resolvePath(env.cwd, file), got.body);
      return R('', log);
    }
    if (got === 'resolve') return R('', `wget: bad address '${host}'\n`, 1);
    const connecting = quiet ? '' : `Connecting to ${host}${m[2] ? `:${port}` : ''} (${ip}:${port})\n`;
    if (got === 'connect') return R('', `${connecting}wget: can't connect to remote host (${ip}): Connection refused\n`, 1);
    // busybox@1_36_1 networking/wget.c: bb_error_msg_and_die("server returned error: %s", the status line).
    if (got.status >= 400) return R('', `${connecting}wget: server returned error: HTTP/1.1 ${got.status} ${REASON[got.status]}\n`, 1);
    const head = quiet ? '' : `${connecting}${toStdout ? 'writing to stdout\n' : `saving to '${file}'\n`}`;
    const tail = quiet ? '' : toStdout ? 'written to stdout\n' : `'${file}' saved\n`;
    if (toStdout) return R(got.body, head + tail);
    await env.fs.writeFile(env.fs.resolvePath(env.cwd, file), got.body);
    return R('', head + tail);
  },
};
