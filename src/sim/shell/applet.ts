/**
 * busybox's applets outside /bin and /usr/bin. In alpine every applet is a symbolic link to
 * /bin/busybox, which runs the applet its name (argv[0]) names (busybox@1_36_1:libbb/appletlib.c
 * run_applet_and_exit). just-bash runs a registered command only from /bin/NAME or /usr/bin/NAME;
 * from any other path (/sbin/ip, /usr/sbin/chroot) it runs the file as a script. So /bin/busybox
 * holds a one-line script that hands "$0" and its arguments to `__cc_applet`, which runs the
 * command registered under that name as if it had been found on PATH.
 */
import type * as JB from 'just-bash';
import type { Daemon } from '../docker/daemon.ts';
import type { ContainerRoots } from '../runtime/roots.ts';

/** The content of /bin/busybox in the shell's filesystem. */
export const BUSYBOX_SCRIPT = '__cc_applet "$0" "$@"\n';

/** busybox@1_36_1:libbb/appletlib.c busybox_main: the help with no arguments (to stdout, dup2(1, 2)), 80 columns. */
function busyboxHelp(applets: string[]): string {
  let out =
    'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n   or: busybox --list[-full]\n   or: busybox --install [-s] [DIR]\n   or: function [arguments]...\n\n\tBusyBox is a multi-call binary that combines many common Unix\n\tutilities into a single executable.  Most people will create a\n\tlink to busybox for each function they wish to use and BusyBox\n\twill act like whatever it was invoked as.\n\nCurrently defined functions:\n';
  const width = 80 - 1;
  let col = 0;
  for (const a of applets) {
    const len2 = a.length + 2;
    if (col >= width - len2) {
      out += ',\n';
      col = 0;
    }
    out += col === 0 ? '\t' : ', ';
    if (col === 0) col = 6;
    out += a;
    col += len2;
  }
  return `${out}\n`;
}

/**
 * `__cc_applet ARGV0 ARGS…`: the command named by ARGV0's last component, or ash's "not found".
 * `applets` are the image's applet names (its links to /bin/busybox), for `busybox` itself.
 */
export function appletCommand(lookup: (name: string) => JB.Command | undefined, applets: () => string[]): JB.Command {
  return {
    name: '__cc_applet',
    execute: async (args0, ctx) => {
      let args = args0;
      let name = (args[0] ?? '').slice((args[0] ?? '').lastIndexOf('/') + 1);
      if (name === 'busybox') {
        const sub = args[1];
        if (sub === undefined || sub === '--help') return { stdout: busyboxHelp(applets()), stderr: '', exitCode: 0 };
        if (sub.startsWith('--list'))
          return {
            stdout: applets()
              .map((a) => `${a}\n`)
              .join(''),
            stderr: '',
            exitCode: 0,
          };
        // busybox@1_36_1:libbb/appletlib.c run_applet_and_exit: "applet not found".
        if (!applets().includes(sub)) return { stdout: '', stderr: `${sub}: applet not found\n`, exitCode: 127 };
        args = args.slice(1);
        name = sub;
      }
      const argv0 = args[0] ?? '';
      const cmd = name === '__cc_applet' ? undefined : lookup(name);
      // An applet the simulator does not have reads as a missing command (busybox@1_36_1:shell/ash.c: "%s: not found").
      if (!cmd) return { stdout: '', stderr: `sh: ${argv0}: not found\n`, exitCode: 127 };
      return cmd.execute(args.slice(1), ctx);
    },
  };
}

/** The applet names of a container's image (its links to /bin/busybox), sorted as busybox lists them. */
export function appletsOf(daemon: Daemon, roots: ContainerRoots, root: string): string[] {
  const links = daemon.containers.get(root)?.image.links ?? roots.get(root)?.links ?? {};
  return [
    ...new Set(
      Object.entries(links)
        .filter(([, t]) => t === '/bin/busybox')
        .map(([p]) => p.slice(p.lastIndexOf('/') + 1)),
    ),
  ].sort();
}
