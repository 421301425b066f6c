/**
 * setcap (libcap 2.66, AndrewGMorgan/libcap_mirror@4f96e67:progs/setcap.c, libcap/cap_file.c
 * cap_set_file) on node1, in /usr/sbin (libcap2-bin). It stores a file's capabilities where getcap
 * reads them (Host.fileCaps, the security.capability xattr). It needs CAP_SETFCAP; the file must be
 * a regular file, not a symbolic link. Running such a file does not yet raise the process's
 * capabilities in the simulator.
 */
import type { ExecResult } from '../../api.ts';
import { type CapState, capFromText } from '../../kernel/captext.ts';
import { CAP_LAST_CAP } from '../../kernel/capabilities.ts';
import type { SimCommand } from '../types.ts';
import { capKey, strerror } from './getcap.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

const USAGE =
  'usage: setcap [-h] [-q] [-v] [-n <rootid>] (-r|-|<caps>) <filename> [ ... (-r|-|<capsN>) <filenameN> ]\n\n' +
  ' Note <filename> must be a regular (non-symlink) file.\n' +
  ' -r          remove capability from file\n' +
  ' -           read capability text from stdin\n' +
  ' <capsN>     cap_from_text(3) formatted file capability\n' +
  ' [ Note: capsh --suggest="something..." might help you pick. ]\n' +
  ' -h          this message and exit status 0\n' +
  ' -q          quietly\n' +
  ' -v          validate supplied capability matches file\n' +
  ' -n <rootid> write a user namespace (!= 0) limited capability\n' +
  ' --license   display the license info\n';

const same = (a: CapState, b: CapState) => a.p === b.p && a.i === b.i && a.e === b.e;

/** setcap.c's loop over cap_get_flag: some effective bit seen by the first capability whose bits disagree. */
function noteNeeded(c: CapState): boolean {
  let somebits = false;
  for (let n = 0n; n <= BigInt(CAP_LAST_CAP); n++) {
    const e = (c.e >> n) & 1n;
    somebits ||= e === 1n;
    if ((((c.p | c.i) >> n) & 1n) !== e) return somebits;
  }
  return false;
}

export const setcap: SimCommand = {
  name: 'setcap',
  async run(args, env) {
    if (args.length < 1) return R('', USAGE, 1);
    let out = '';
    let err = '';
    let quiet = false;
    let verify = false;
    let triedSetfcap = false;
    const fail = (text: string, code = 1) => R(out, err + text, code);
    for (let k = 0; k < args.length; k++) {
      const a = args[k] as string;
      if (a === '-q') {
        quiet = true;
        continue;
      }
      if (a === '--license') return R(`${out}setcap see LICENSE file for details.\nCopyright (c) 1997,2007-8,2020-21 Andrew G. Morgan <morgan@kernel.org>\n`);
      if (a === '-h') return R(out, USAGE, 0);
      if (a === '-v') {
        verify = true;
        continue;
      }
      if (a === '-n') {
        // A user-namespace root id other than 0: the simulator keeps file capabilities for the initial namespace only.
        return fail('setcap -n: not simulated on node1 (file capabilities here are for the initial user namespace)\n');
      }
      let caps: CapState | undefined;
      if (a !== '-r') {
        // read_caps(): the prompt (unless -q), then standard input up to an empty line; nothing read is usage(1).
        if (a === '-' && !quiet) err += 'Please enter caps for file [empty line to end]:\n';
        const text = a === '-' ? (env.stdin.split(/^\n/m)[0] ?? '') : a;
        if (a === '-' && !text) return fail(USAGE);
        caps = capFromText(text);
        // perror("fatal error") for cap_from_text's EINVAL, then usage(1).
        if (!caps) return fail(`fatal error: Invalid argument\n${USAGE}`);
      }
      const file = args[++k];
      if (file === undefined) return fail(USAGE);
      const key = capKey(env, file);
      if (verify) {
        const want = caps ?? { p: 0n, i: 0n, e: 0n };
        const have = env.host.fileCaps.get(key) ?? { p: 0n, i: 0n, e: 0n };
        if (!same(want, have)) {
          if (!quiet) out += `${file} differs in [${have.p !== want.p ? 'p' : ''}${have.i !== want.i ? 'i' : ''}${have.e !== want.e ? 'e' : ''}]\n`;
          return R(out, err, 1);
        }
        if (!quiet) out += `${file}: OK\n`;
        continue;
      }
      if (!triedSetfcap) {
        // Raising CAP_SETFCAP in the effective set needs it in the permitted set (cap_set_proc: EPERM).
        if ((env.self.caps.prm & (1n << 31n)) === 0n) return fail('unable to set CAP_SETFCAP effective capability: Operation not permitted\n');
        triedSetfcap = true;
      }
      // On a failed cap_set_file, the NOTE when the first capability whose effective bit differs from its
      // permitted-or-inheritable bits comes at or after one with an effective bit (setcap.c, #ifdef linux).
      const note =
        caps && noteNeeded(caps)
          ? 'NOTE: Under Linux, effective file capabilities must either be empty, or\n      exactly match the union of selected permitted and inheritable bits.\n'
          : '';
      const st = await env.fs.lstat(env.fs.resolvePath(env.cwd, file)).catch((e: unknown) => e as Error);
      if (st instanceof Error) return fail(`${note}Failed to set capabilities on file '${file}': ${strerror(st)}\n`);
      // _fcaps_save: a non-empty effective set must hold every permitted and inheritable bit (the xattr keeps one effective flag).
      const badEffective = caps !== undefined && caps.e !== 0n && ((caps.p | caps.i) & ~caps.e) !== 0n;
      if (st.isSymbolicLink || !st.isFile || badEffective) return fail(`${note}Invalid file '${file}' for capability operation\n`);
      if (env.readOnly(env.fs.resolvePath(env.cwd, file))) return fail(`${note}Failed to set capabilities on file '${file}': Read-only file system\n`);
      if (!caps) {
        // removexattr: ENODATA when there is none ("capablity" as the source spells it).
        if (!env.host.fileCaps.delete(key)) return fail(`File '${file}' has no capablity to remove\n`);
      } else env.host.fileCaps.set(key, { p: caps.p, i: caps.i, e: caps.e ? caps.p | caps.i : 0n }); // cap_get_file reads the flag back as e = p | i
    }
    return R(out, err);
  },
};
