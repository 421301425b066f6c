import type { SimCommand } from '../types.ts';
import { capsh, chown, getpcaps } from './caps.ts';
import { docker } from './docker/index.ts';
import { kubectl } from './kubectl.ts';
import { mount, ping } from './net.ts';
import { kill, lsns, nsenter, sudo, unshare } from './ns.ts';
import { crictl } from './crictl.ts';
import { ctr } from './ctr.ts';
import { curl } from './curl.ts';
import { nc } from './nc.ts';
import { wget } from './wget.ts';
import { envCommand, printenv } from './envcmd.ts';
import { mkdir, touch } from './files.ts';
import { tail } from './hogs.ts';
import { ip } from './ip.ts';
import { bgBuiltin, fgBuiltin, jobsBuiltin, waitBuiltin } from './jobs.ts';
import { ls } from './ls.ts';
import { ps } from './ps.ts';
import { sleep } from './sleep.ts';
import { stat } from './stat.ts';
import { free } from './free.ts';
import { df } from './df.ts';
import { help } from './help.ts';
import { history } from './history.ts';
import { nproc } from './nproc.ts';
import { yes } from './yes.ts';
import { date } from './date.ts';
import { dmesg, id, uname, whoami } from './sysinfo.ts';
import { hostname } from './hostname.ts';
import { sysctl } from './sysctl.ts';
import { uptime } from './uptime.ts';
import { who } from './who.ts';
import { w } from './w.ts';
import { tty } from './tty.ts';
import { lsbRelease } from './lsb_release.ts';
import { ss } from './ss.ts';
import { readlink } from './readlink.ts';
import { paste } from './paste.ts';
import { pgrep, pkill } from './pgrep.ts';
import { realpath } from './realpath.ts';
import { getent, groups } from './groups.ts';
import { runc } from './runc.ts';
import { containerd } from './containerd.ts';
import { service, systemctl } from './systemctl.ts';



/** Every simulated command; a container only gets those its image ships. */
export const allCommands: SimCommand[] = [docker, kubectl, ps, uname, hostname, date, id, whoami, dmesg, sysctl, capsh, getpcaps, chown, lsns, unshare, nsenter, sudo, kill, ls, ip, sleep, touch, mkdir, ping, mount, envCommand, printenv, stat, tail, curl, wget, history, help, nproc, free, df, yes, crictl, ctr, nc, uptime, who, w, tty, lsbRelease, ss, readlink, paste, pgrep, pkill, realpath, groups, getent, runc, containerd, systemctl, service, jobsBuiltin, waitBuiltin, fgBuiltin, bgBuiltin];
