/**
 * paste, GNU coreutils 9.4's (the Ubuntu host, Debian images) and busybox 1.36's (alpine):
 * `-d LIST` (cycled; escapes \0 \b \f \n \r \t \v \\), `-s` (one file per line), `-z`, files
 * or `-` for standard input (several `-` take turns on its lines). Logic and messages from
 * coreutils@v9.4:src/paste.c (collapse_escapes, paste_parallel, paste_serial, main) and
 * busybox@1_36_1:coreutils/paste.c ("can't open '%s'").
 */
import type { ExecResult } from '../../api.ts';
import { getopt, tryHelp } from '../getopt.ts';
import type { CmdEnv, SimCommand } from '../types.ts';

/** collapse_escapes: the delimiter list with its escapes resolved; '' stands for \0 (no delimiter). */
function delimiters(arg: string): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i] as string;
    if (c !== '\\') {
      out.push(c);
      continue;
    }
    const n = arg[++i];
    if (n === undefined) return undefined; // backslash_at_end
    out.push(({ '0': '', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' } as Record<string, string>)[n] ?? n);
  }
  return out;
}

/** One input: its records (each with whether its terminator was there) and a cursor; every `-` shares stdin's. */
interface Input {
  recs: { text: string; ended: boolean }[];
  pos: { i: number };
}

function records(text: string, sep: string): Input['recs'] {
  const parts = text.split(sep);
  const last = parts.pop() as string;
  const recs = parts.map((t) => ({ text: t, ended: true }));
  if (last !== '') recs.push({ text: last, ended: false });
  return recs;
}

const cfail = (stderr: string, stdout = ''): ExecResult => ({ stdout, stderr, exitCode: 1 });

export const paste: SimCommand = {
  name: 'paste',
  async run(args, env: CmdEnv): Promise<ExecResult> {
    const busybox = env.flavor === 'busybox';
    const parsed = getopt(
      args,
      busybox ? 'd:s' : 'd:sz',
      busybox
        ? []
        : [
            { name: 'serial', arg: 'none', key: 's' },
            { name: 'delimiters', arg: 'required', key: 'd' },
            { name: 'zero-terminated', arg: 'none', key: 'z' },
          ],
    );
    if (!parsed.ok)
      return cfail(
        busybox
          ? `paste: ${parsed.error}\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: paste [-cs] [-d LIST] [FILE]...\n`
          : tryHelp('paste', parsed.error),
      );
    let arg = '\t';
    let serial = false;
    let sep = '\n';
    for (const [k, v] of parsed.opts) {
      if (k === 'd') arg = v === '' ? '\\0' : (v as string);
      else if (k === 's') serial = true;
      else if (k === 'z') sep = '\0';
    }
    const delims = delimiters(arg);
    // quotearg_n_style_colon (c_maybe_quoting_style): the list ends with a backslash, which C quoting doubles, so it is always quoted.
    if (!delims) return cfail(`paste: delimiter list ends with an unescaped backslash: "${arg.replace(/[\\"]/g, '\\$&')}"\n`);
    const names = parsed.operands.length ? parsed.operands : ['-'];
    const stdin = { recs: records(env.stdin, sep), pos: { i: 0 } };
    const open = async (name: string): Promise<Input | string> => {
      if (name === '-') return stdin;
      try {
        return { recs: records(await env.readFile(name), sep), pos: { i: 0 } };
      } catch {
        const stat = await env.fs.stat(env.fs.resolvePath(env.cwd, name)).catch(() => undefined);
        const reason = stat?.isDirectory ? 'Is a directory' : 'No such file or directory';
        return busybox ? `paste: can't open '${name}': ${reason}\n` : `paste: ${name}: ${reason}\n`;
      }
    };
    let out = '';
    let err = '';
    if (serial) {
      for (const name of names) {
        const f = await open(name);
        if (typeof f === 'string') {
          err += f;
          continue;
        }
        let d = 0;
        const recs = f.recs.slice(f.pos.i);
        f.pos.i = f.recs.length;
        recs.forEach((r, i) => {
          out += r.text;
          if (i < recs.length - 1) {
            out += delims[d] as string;
            d = (d + 1) % delims.length;
          }
        });
        out += sep;
      }
      return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
    }
    const inputs: (Input | undefined)[] = [];
    for (const name of names) {
      const f = await open(name);
      // paste_parallel opens every file first and stops at the first it cannot open.
      if (typeof f === 'string') return cfail(f);
      inputs.push(f);
    }
    let open_ = inputs.length;
    while (open_) {
      let somedone = false;
      let d = 0;
      let saved = '';
      for (let i = 0; i < inputs.length && open_; i++) {
        const f = inputs[i];
        const rec = f && f.pos.i < f.recs.length ? f.recs[f.pos.i++] : undefined;
        if (rec) {
          out += saved + rec.text;
          saved = '';
          somedone = true;
          if (i + 1 !== inputs.length) {
            out += delims[d] as string;
            d = (d + 1) % delims.length;
          } else out += sep;
          continue;
        }
        if (f) {
          inputs[i] = undefined;
          open_--;
        }
        if (i + 1 === inputs.length) {
          if (somedone) out += `${saved}${sep}`;
        } else {
          saved += delims[d] as string;
          d = (d + 1) % delims.length;
        }
      }
    }
    return { stdout: out, stderr: '', exitCode: 0 };
  },
};
