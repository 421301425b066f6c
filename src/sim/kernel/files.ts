import type { Proc } from './types.ts';

/** What the simulated kernel keeps of open files beyond the processes' standard streams (fs/procfd.ts works those out). */
export class OpenFiles {
  /**
   * Inode numbers of pipes and sockets (linux@v6.8:fs/inode.c get_next_ino, taken by fs/pipe.c get_pipe_inode and
   * net/socket.c sock_alloc), given when one is first seen in /proc/PID/fd, by its key; the counter only grows. Its
   * start is this boot's (the counter is shared with everything of the kind made since boot).
   */
  readonly inodes = new Map<string, number>();
  nextIno = 41_288;
  /**
   * The directory a process has open while it reads it (opendir to closedir), when that is its own /proc/PID/fd: the
   * descriptor is then one of the directory's entries (fs/procfs.ts). ls closes it (shell/commands/ls.ts).
   */
  openFdDir: { proc: Proc; fd: number } | undefined;
}
