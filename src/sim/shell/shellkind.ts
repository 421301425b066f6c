import type { Session } from './types.ts';

/**
 * The interactive shell a program started as `argv0` is in a root of `flavor`: busybox's ash in alpine and busybox
 * images; dash 0.5.12 for sh (Debian and Ubuntu link /bin/sh to dash); bash otherwise.
 */
export function shellKind(flavor: Session['flavor'], argv0: string | undefined): Session['shell'] {
  if (flavor === 'busybox') return 'sh';
  return /^(.*\/)?(sh|dash)$/.test(argv0 ?? '') ? 'dash' : 'bash';
}
