/**
 * stress 1.0.4's argument handling (progrium/stress: /usr/bin/stress), shared by its PID 1 model (programs.ts) and the
 * shell's command (shell/commands/stress.ts). stress-1.0.4 src/stress.c main reads its options in order and without
 * getopt: `--help`/`-?` print usage() and exit 0, `--version` prints version() ("%s %s\n": the program's basename
 * and VERSION) and exits 0, an unknown word is "stress: FAIL: [PID] (LINE) unrecognized option: X" and exit 1, and
 * with no hog asked for it prints usage() and exits 0. (The source was read through the code index, which names no
 * repository; CURRICULUM's hog lines agree with it.)
 */
import type { ExecResult } from '../api.ts';

const usage = (p: string) =>
  `\`${p}' imposes certain types of compute stress on your system\n\n` +
  `Usage: ${p} [OPTION [ARG]] ...\n` +
  ' -?, --help         show this help statement\n' +
  '     --version      show version statement\n' +
  ' -v, --verbose      be verbose\n' +
  ' -q, --quiet        be quiet\n' +
  ' -n, --dry-run      show what would have been done\n' +
  ' -t, --timeout N    timeout after N seconds\n' +
  '     --backoff N    wait factor of N microseconds before work starts\n' +
  ' -c, --cpu N        spawn N workers spinning on sqrt()\n' +
  ' -i, --io N         spawn N workers spinning on sync()\n' +
  ' -m, --vm N         spawn N workers spinning on malloc()/free()\n' +
  '     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n' +
  '     --vm-stride B  touch a byte every B bytes (default is 4096)\n' +
  '     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n' +
  '     --vm-keep      redirty memory instead of freeing and reallocating\n' +
  ' -d, --hdd N        spawn N workers spinning on write()/unlink()\n' +
  '     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)\n\n' +
  `Example: ${p} --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s\n\n` +
  'Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n';

const FLAGS = new Set(['--verbose', '-v', '--quiet', '-q', '--dry-run', '-n', '--vm-keep']);
const VALUED = new Set([
  '--backoff',
  '--timeout',
  '-t',
  '--cpu',
  '-c',
  '--io',
  '-i',
  '--vm',
  '-m',
  '--vm-bytes',
  '--vm-stride',
  '--vm-hang',
  '--hdd',
  '-d',
  '--hdd-bytes',
]);
const HOGS = new Set(['--cpu', '-c', '--io', '-i', '--vm', '-m', '--hdd', '-d']);

/**
 * What stress does with its arguments before any hog starts: the text it prints and its status when it exits there
 * (help, version, usage, a bad option), or undefined when it dispatches hogs. `argv0` is its argv[0]; `pid` the PID
 * its FAIL line names. The value checks of each option (assert_arg, atoll_b) are not modelled.
 */
export function stressExit(argv0: string, args: readonly string[], pid: number): ExecResult | undefined {
  const prog = argv0.split('/').pop() || 'stress';
  let hogs = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help' || a === '-?') return { stdout: usage(prog), stderr: '', exitCode: 0 };
    if (a === '--version') return { stdout: `${prog} 1.0.4\n`, stderr: '', exitCode: 0 };
    if (FLAGS.has(a)) continue;
    if (VALUED.has(a)) {
      if (HOGS.has(a)) hogs = true;
      i++;
      continue;
    }
    // err(): the FAIL prefix with the source line of the unrecognized-option branch (stress.c line 244).
    return { stdout: '', stderr: `${prog}: FAIL: [${pid}] (244) unrecognized option: ${a}\n`, exitCode: 1 };
  }
  return hogs ? undefined : { stdout: usage(prog), stderr: '', exitCode: 0 };
}
