/**
 * How many bytes a reader asks of a file: `head -c N`. A read of an endless device (/dev/zero…)
 * returns that many (fs/devfs.ts wants), as Linux does, when it fits the line's bounds.
 */
import type { Flavor } from '../docker/images.ts';
import type { Proc } from '../kernel/types.ts';
import { attached } from '../attached.ts';

const POWERS: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8, R: 9, Q: 10 };

/**
 * The byte count of head's `-c` argument: coreutils@v9.4:src/head.c string_to_integer (xdectoumax with
 * the suffixes "bkKmMGTPEZYRQ0": K 1024, KB 1000, KiB 1024, b 512) and busybox@1_36_1:coreutils/head.c
 * (xatoul_sfx with libbb's bkm_suffixes: b 512, k 1024, m 1048576). A leading `-` (all but the last N)
 * reads to the end: undefined. 'invalid' when the tool would refuse it.
 */
export function headCount(text: string, flavor: Flavor): number | 'invalid' | 'overflow' | undefined {
  const n = count(text, flavor);
  // Past uintmax_t: xnumtoumax's EOVERFLOW (coreutils); busybox's range check.
  return typeof n === 'number' && n > 2 ** 64 - 1 ? (flavor === 'busybox' ? 'invalid' : 'overflow') : n;
}

function count(text: string, flavor: Flavor): number | 'invalid' | undefined {
  if (text.startsWith('-')) return /^-\d/.test(text) ? undefined : 'invalid';
  const m = /^\+?(\d+)(.*)$/.exec(text);
  if (!m) return 'invalid';
  const n = Number(m[1]);
  const sfx = m[2] as string;
  if (!sfx) return n;
  if (flavor === 'busybox') {
    const mult = ({ b: 512, k: 1024, m: 1048576 } as Record<string, number>)[sfx];
    return mult ? n * mult : 'invalid';
  }
  if (sfx === 'b') return n * 512;
  const p = /^([kKmMGTPEZYRQ])(B|iB)?$/.exec(sfx);
  if (!p) return 'invalid';
  const base = p[2] === 'B' ? 1000 : 1024;
  return n * base ** (POWERS[p[1] as string] as number);
}

/** The `-c`/`--bytes` argument of a head command line, if it has one (the last wins). */
export function headBytesArg(args: string[]): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a === '-c' || a === '--bytes') found = args[++i];
    else if (a.startsWith('--bytes=')) found = a.slice(8);
    else if (/^-c./.test(a)) found = a.slice(2);
    else if (/^-n/.test(a) || a === '--lines' || a.startsWith('--lines=')) found = undefined;
  }
  return found;
}

/**
 * The bytes a running process asks of the file it reads (commands/head.ts sets it around its read);
 * fs/devfs.ts serves that many of an endless device.
 */
export const readWants = attached<Proc, number>('readWants');
