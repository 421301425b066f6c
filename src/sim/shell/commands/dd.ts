/**
 * dd: coreutils 9.4 on the host and in Debian images (coreutils@v9.4:src/dd.c), busybox 1.36.1 in
 * alpine (busybox@1_36_1:coreutils/dd.c). Operands in dd-args.ts, numbers and reports in dd-format.ts.
 *
 * The copy is computed, not run block by block: records in and out follow from the sizes, the bytes
 * are made once. The time it takes comes from a model of the machine (below), so a replay prints the
 * same report; copies of 100 ms or more let the simulated clock run for that long.
 */
import type { ExecResult } from '../../api.ts';
import { endlessBytes, isEndless } from '../../fs/devfs.ts';
import { LIMITS } from '../limits.ts';
import { q } from '../quote.ts';
import type { CmdEnv, SimCommand } from '../types.ts';
import { busyboxPlan, coreutilsPlan, type DdPlan } from './dd-args.ts';
import { busyboxReport, coreutilsReport, humanBytes, humanRate } from './dd-format.ts';
import { ddOptions } from './dd-usage.ts';

/** busybox@1_36_1:coreutils/dd.c dd_trivial_usage and dd_full_usage, as bb_show_usage prints them. */
const BB_USAGE = `BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.

Usage: dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N]
	[conv=notrunc|noerror|sync|fsync]
	[iflag=skip_bytes|count_bytes|fullblock|direct] [oflag=seek_bytes|append|direct]

Copy a file with converting and formatting

	if=FILE		Read from FILE instead of stdin
	of=FILE		Write to FILE instead of stdout
	bs=N		Read and write N bytes at a time
	ibs=N		Read N bytes at a time
	obs=N		Write N bytes at a time
	count=N		Copy only N input blocks
	skip=N		Skip N input blocks
	seek=N		Skip N output blocks
	conv=notrunc	Don't truncate output file
	conv=noerror	Continue after read errors
	conv=sync	Pad blocks with zeros
	conv=fsync	Physically write data out before finishing
	conv=swab	Swap every pair of bytes
	iflag=skip_bytes	skip=N is in bytes
	iflag=count_bytes	count=N is in bytes
	oflag=seek_bytes	seek=N is in bytes
	iflag=direct	O_DIRECT input
	oflag=direct	O_DIRECT output
	iflag=fullblock	Read full blocks
	oflag=append	Open output in append mode
	status=noxfer	Suppress rate output
	status=none	Suppress all output

N may be suffixed by c (1), w (2), b (512), kB (1000), k (1024), MB, M, GB, G
`;

/** What the input is: bytes (a file, standard input, /dev/null) or an endless device. */
type Source = { kind: 'bytes'; data: Uint8Array; dir?: boolean } | { kind: 'endless'; name: string };
/** Where the output goes. */
type Sink = { kind: 'null' } | { kind: 'full' } | { kind: 'stdout' } | { kind: 'file'; abs: string; old: Uint8Array };

/**
 * The model of the machine's speed: nanoseconds to start, per read-and-write pair, and per byte read
 * from each source and written to each sink (a copy of 100 MiB from /dev/zero to a file: ~35 ms, 3 GB/s;
 * /dev/urandom: ~400 MB/s, the kernel's ChaCha20 on one core).
 */
const START_NS = 40_000;
const RECORD_NS = 500;
const READ_NS: Record<string, number> = { zero: 0.03, full: 0.03, urandom: 2.5, random: 2.5, bytes: 0.1 };
const WRITE_NS: Record<Sink['kind'], number> = { null: 0, full: 0, stdout: 0.3, file: 0.3 };

const R = (stdout: string, stderr: string, exitCode: number): ExecResult => ({ stdout, stderr, exitCode });

export const dd: SimCommand = {
  name: 'dd',
  async run(args, env) {
    const bb = env.flavor === 'busybox';
    let operands = args;
    if (!bb) {
      const o = ddOptions(args, env.session.root === 'host');
      if (!Array.isArray(o)) return R(o.out, o.err, o.code);
      operands = o;
    }
    const plan = bb ? busyboxPlan(args, BB_USAGE) : coreutilsPlan(operands, (s) => q(env, s));
    if ('error' in plan) return R('', plan.error, 1);
    const name = (f: string) => (bb ? `'${f}'` : q(env, f));
    const openFail = (f: string, why: string) => R('', bb ? `dd: can't open '${f}': ${why}\n` : `dd: failed to open ${name(f)}: ${why}\n`, 1);
    // The input.
    let src: Source;
    if (plan.ifile === undefined) src = { kind: 'bytes', data: env.stdinBytes() };
    else {
      const abs = env.fs.resolvePath(env.cwd, plan.ifile);
      const dev = /^\/dev\/([^/]+)$/.exec(abs)?.[1];
      if (dev && isEndless(dev)) src = { kind: 'endless', name: dev };
      else if (abs === '/dev/stdin') src = { kind: 'bytes', data: env.stdinBytes() };
      else {
        const st = await env.fs.stat(abs).catch(() => undefined);
        if (!st) return openFail(plan.ifile, 'No such file or directory');
        src = st.isDirectory
          ? { kind: 'bytes', data: new Uint8Array(), dir: true }
          : { kind: 'bytes', data: dev === 'null' || dev === 'tty' ? new Uint8Array() : await env.fs.readFileBuffer(abs) };
      }
    }
    // The output.
    let sink: Sink = { kind: 'stdout' };
    if (plan.ofile !== undefined) {
      const abs = env.fs.resolvePath(env.cwd, plan.ofile);
      if (abs === '/dev/null') sink = { kind: 'null' };
      else if (abs === '/dev/full') sink = { kind: 'full' };
      else if (abs !== '/dev/stdout') {
        const st = await env.fs.stat(abs).catch(() => undefined);
        const parent = await env.fs.stat(abs.slice(0, abs.lastIndexOf('/')) || '/').catch(() => undefined);
        if (st?.isDirectory) return openFail(plan.ofile, 'Is a directory');
        // The simulator's /dev takes no new files (a real /dev/shm is a tmpfs that does): the open fails.
        if (!parent?.isDirectory || (!st && (plan.conv.has('nocreat') || abs.startsWith('/dev/')))) return openFail(plan.ofile, 'No such file or directory');
        if (st && plan.conv.has('excl')) return openFail(plan.ofile, 'File exists');
        if (env.readOnly(abs)) return openFail(plan.ofile, 'Read-only file system');
        sink = { kind: 'file', abs, old: st ? await env.fs.readFileBuffer(abs) : new Uint8Array() };
      }
    }
    if (src.kind === 'endless' && plan.count === undefined) return endlessCopy(env, plan, src.name, sink, bb);
    return copy(env, plan, src, sink, bb, name);
  },
};

/** A copy with an end: a file, standard input, or `count=` blocks of an endless device. */
async function copy(env: CmdEnv, plan: DdPlan, src: Source, sink: Sink, bb: boolean, name: (f: string) => string): Promise<ExecResult> {
  let stderr = '';
  const inName = plan.ifile ?? (bb ? 'standard input' : 'standard input');
  const outName = plan.ofile ?? 'standard output';
  if (src.kind === 'bytes' && src.dir) {
    // read(2) of a directory: EISDIR. busybox dies naming the file; coreutils reports and prints its stats.
    if (bb) return R('', `dd: ${inName}: Is a directory\n`, 1);
    stderr += `dd: error reading ${name(inName)}: Is a directory\n`;
    return R('', stderr + report(plan, bb, { rFull: 0, rPartial: 0, wFull: 0, wPartial: 0, bytes: 0, ns: START_NS }), 1);
  }
  const skipOff = plan.skip * (plan.skipBytes ? 1 : plan.ibs);
  const avail = src.kind === 'endless' ? Infinity : Math.max(0, src.data.length - skipOff);
  if (src.kind === 'bytes' && skipOff > src.data.length && plan.status !== 'none' && !bb) stderr += `dd: ${inName}: cannot skip to specified offset\n`;
  // What the count allows, in bytes.
  const limit = plan.count === undefined ? Infinity : plan.countBytes ? plan.count : plan.count * plan.ibs;
  const got = Math.min(avail, limit);
  let rFull = Math.floor(got / plan.ibs);
  let rPartial = got % plan.ibs ? 1 : 0;
  const sync = plan.conv.has('sync');
  let size = sync && rPartial ? rFull * plan.ibs + plan.ibs : got;
  // Bytes that must be made (a file or standard output): within one string of the line.
  const held = sink.kind === 'file' || sink.kind === 'stdout';
  const seekOff = plan.seek * (plan.seekBytes ? 1 : plan.obs);
  if (held && size + (sink.kind === 'file' ? Math.max(seekOff, sink.old.length) : 0) > LIMITS.stringBytes) return env.stopLine('work');
  let wFull: number;
  let wPartial: number;
  if (sink.kind === 'full') {
    // The first write fails with ENOSPC (linux@v6.8:drivers/char/mem.c write_full), after the first read.
    rFull = size ? (size >= plan.ibs || sync ? 1 : 0) : 0;
    rPartial = size && !rFull ? 1 : 0;
    const ns = START_NS + RECORD_NS;
    const stats = { rFull, rPartial, wFull: 0, wPartial: 0, bytes: 0, ns };
    if (!size) return R('', stderr + report(plan, bb, stats), 0);
    return R('', `${stderr}dd: error writing ${name(outName)}: No space left on device\n${report(plan, bb, stats)}`, 1);
  }
  if (plan.twobufs) {
    wFull = Math.floor(size / plan.obs);
    wPartial = size % plan.obs ? 1 : 0;
  } else {
    wFull = rFull + (sync ? rPartial : 0);
    wPartial = sync ? 0 : rPartial;
  }
  let data: Uint8Array = new Uint8Array();
  if (held) {
    data = src.kind === 'endless' ? endlessBytes(env.host, src.name, size) : new Uint8Array(size);
    if (src.kind === 'bytes') data.set(src.data.subarray(skipOff, skipOff + got));
    data = convert(data, plan);
    size = data.length;
  }
  const readNs = READ_NS[src.kind === 'endless' ? src.name : 'bytes'] ?? 0.1;
  const ns = Math.round(START_NS + (rFull + rPartial) * RECORD_NS + size * (readNs + WRITE_NS[sink.kind]));
  if (ns >= 100_000_000) await env.host.waitUntil(() => false, Math.round(ns / 1e8) * 100, env.signal);
  let stdout = '';
  if (sink.kind === 'file') await env.fs.writeFile(sink.abs, place(sink.old, data, seekOff, plan));
  else if (sink.kind === 'stdout') stdout = latin1(data);
  const kind = { stdoutKind: 'bytes' as const };
  const progress = plan.status === 'progress' ? progressLines(size, ns) : '';
  return { ...R(stdout, stderr + progress + report(plan, bb, { rFull, rPartial, wFull, wPartial, bytes: size, ns }), 0), ...kind };
}

/** The output file after the copy: truncated at the seek offset unless conv=notrunc, or appended to. */
function place(old: Uint8Array, data: Uint8Array, seekOff: number, plan: DdPlan): Uint8Array {
  if (plan.oflags.has('append')) {
    const out = new Uint8Array(old.length + data.length);
    out.set(old);
    out.set(data, old.length);
    return out;
  }
  const keep = plan.conv.has('notrunc') ? old.length : Math.min(old.length, seekOff);
  const out = new Uint8Array(Math.max(keep, seekOff + data.length));
  out.set(old.subarray(0, keep));
  out.set(data, seekOff);
  return out;
}

/** conv=ucase, lcase, swab (the conversions that change bytes and that the lessons may meet). */
function convert(data: Uint8Array, plan: DdPlan): Uint8Array {
  if (plan.conv.has('ucase')) return data.map((b) => (b >= 97 && b <= 122 ? b - 32 : b));
  if (plan.conv.has('lcase')) return data.map((b) => (b >= 65 && b <= 90 ? b + 32 : b));
  if (plan.conv.has('swab')) {
    const out = data.slice();
    for (let i = 0; i + 1 < out.length; i += 2) [out[i], out[i + 1]] = [out[i + 1] as number, out[i] as number];
    return out;
  }
  return data;
}

/**
 * status=progress: a line a second, each from `\r`, padded to the last one's length
 * (coreutils@v9.4:src/dd.c print_xfer_stats with a progress time, "%.0f s").
 */
function progressLines(bytes: number, ns: number): string {
  let out = '';
  let last = 0;
  for (let s = 1; s * 1e9 < ns; s++) {
    const b = Math.floor((bytes * s * 1e9) / ns);
    const line = `${b} bytes (${humanBytes(b, false)}, ${humanBytes(b, true)}) copied, ${s} s, ${humanRate(b, s * 1e9)}/s`;
    out += `\r${line}${' '.repeat(Math.max(0, last - line.length))}`;
    last = line.length;
  }
  return out ? `${out}\n` : '';
}

/** The final report of either dd, as status= allows. */
function report(plan: DdPlan, bb: boolean, s: { rFull: number; rPartial: number; wFull: number; wPartial: number; bytes: number; ns: number }): string {
  if (plan.status === 'none') return '';
  const noxfer = plan.status === 'noxfer';
  return bb ? busyboxReport({ ...s, noxfer }) : coreutilsReport({ ...s, noxfer });
}

/**
 * An endless device with no count= (`dd if=/dev/zero of=/dev/null`): dd copies until it is stopped.
 * Into a pipe to head it dies of SIGPIPE once head has its bytes (141, no report); at the terminal it
 * prints until the line's output limit; into a file it would fill the disk, more than a line may hold.
 * Otherwise it runs until Ctrl-C (in virtual mode the time bound's stop), then prints its report for
 * the time it ran (coreutils's interrupt_handler prints the stats), status 130.
 */
async function endlessCopy(env: CmdEnv, plan: DdPlan, dev: string, sink: Sink, bb: boolean): Promise<ExecResult> {
  if (sink.kind === 'full')
    return copy(env, { ...plan, count: 1, countBytes: false }, { kind: 'endless', name: dev }, sink, bb, (f) => (bb ? `'${f}'` : q(env, f)));
  if (sink.kind === 'stdout' && env.pipeline[0]?.[0] === 'head') return { ...R(latin1(endlessBytes(env.host, dev, 65536)), '', 141), stdoutKind: 'bytes' };
  if (sink.kind === 'stdout' && env.tty) return R('\0'.repeat(LIMITS.outputBytes + 1), '', 130);
  if (sink.kind === 'file') return env.stopLine('work');
  const start = env.host.clock.nowMs;
  env.self.program = { kind: 'cpuhog' };
  await env.host.waitUntil(() => false, undefined, env.signal);
  env.self.program = { kind: 'idle' };
  const ns = Math.max(START_NS, (env.host.clock.nowMs - start) * 1e6);
  const perRecord = RECORD_NS + plan.ibs * ((READ_NS[dev] ?? 0.03) + WRITE_NS[sink.kind]);
  const records = Math.floor((ns - START_NS) / perRecord);
  const bytes = records * plan.ibs;
  const wFull = plan.twobufs ? Math.floor(bytes / plan.obs) : records;
  return R('', report(plan, bb, { rFull: records, rPartial: 0, wFull, wPartial: 0, bytes: plan.twobufs ? wFull * plan.obs : bytes, ns }), 130);
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}
