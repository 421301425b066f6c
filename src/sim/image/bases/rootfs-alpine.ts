/**
 * The alpine root filesystem (busybox + musl + apk), as file-tree data.
 * Sizes of binaries and libraries are those of alpine 3.19 x86_64; the total
 * is tuned so `docker images` prints 7.38MB, as it does for alpine:3.19.
 */
import type { TreeBuilder } from '../tree.ts';

/** busybox applets that alpine links from /bin, /sbin, /usr/bin, /usr/sbin. */
export const APPLETS: Record<string, string[]> = {
  '/bin': [
    'arch', 'ash', 'base64', 'bbconfig', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'dmesg',
    'dnsdomainname', 'echo', 'egrep', 'false', 'fgrep', 'getopt', 'grep', 'gunzip', 'gzip', 'hostname', 'ionice',
    'kill', 'link', 'ln', 'login', 'ls', 'mkdir', 'mknod', 'mktemp', 'more', 'mount', 'mountpoint', 'mv', 'netstat',
    'nice', 'pidof', 'ping', 'ping6', 'printenv', 'ps', 'pwd', 'rev', 'rm', 'rmdir', 'run-parts', 'sed', 'setpriv',
    'sh', 'sleep', 'stat', 'stty', 'su', 'sync', 'tar', 'touch', 'true', 'umount', 'uname', 'usleep', 'watch', 'zcat',
  ],
  '/sbin': [
    'adjtimex', 'arp', 'blkid', 'blockdev', 'depmod', 'fdisk', 'findfs', 'fsck', 'getty', 'halt', 'hwclock', 'ifconfig',
    'ifdown', 'ifup', 'init', 'insmod', 'ip', 'ipaddr', 'iplink', 'iproute', 'losetup', 'lsmod', 'mdev', 'mkdosfs',
    'mkswap', 'modinfo', 'modprobe', 'nameif', 'pivot_root', 'poweroff', 'reboot', 'rmmod', 'route', 'setconsole',
    'slattach', 'swapoff', 'swapon', 'switch_root', 'sysctl', 'syslogd', 'tunctl', 'udhcpc', 'vconfig', 'watchdog',
  ],
  '/usr/bin': [
    '[', '[[', 'awk', 'basename', 'bc', 'beep', 'blkdiscard', 'bunzip2', 'bzcat', 'bzip2', 'cal', 'chvt', 'cksum',
    'clear', 'cmp', 'comm', 'cpio', 'crontab', 'cryptpw', 'cut', 'dc', 'deallocvt', 'diff', 'dirname', 'dos2unix',
    'du', 'eject', 'env', 'expand', 'expr', 'factor', 'fallocate', 'find', 'flock', 'fold', 'free', 'fuser', 'head',
    'hexdump', 'hostid', 'iconv', 'id', 'install', 'ipcrm', 'ipcs', 'killall', 'less', 'logger', 'lsof', 'lsusb',
    'md5sum', 'mkfifo', 'nc', 'nl', 'nmeter', 'nohup', 'nproc', 'nsenter', 'nslookup', 'od', 'openvt', 'paste',
    'pgrep', 'pkill', 'pmap', 'printf', 'pscan', 'pstree', 'pwdx', 'readlink', 'realpath', 'renice', 'reset',
    'resize', 'seq', 'setkeycodes', 'setsid', 'sha1sum', 'sha256sum', 'sha512sum', 'showkey', 'shred', 'sort',
    'split', 'strings', 'sum', 'tac', 'tail', 'tee', 'test', 'time', 'timeout', 'top', 'tr', 'traceroute',
    'truncate', 'tty', 'unexpand', 'uniq', 'unix2dos', 'unlink', 'unshare', 'unzip', 'uptime', 'uudecode',
    'uuencode', 'vi', 'vlock', 'volname', 'wc', 'wget', 'which', 'whoami', 'whois', 'xargs', 'xxd', 'yes',
  ],
  '/usr/sbin': [
    'addgroup', 'adduser', 'arping', 'brctl', 'chpasswd', 'chroot', 'crond', 'delgroup', 'deluser', 'ether-wake',
    'fbset', 'killall5', 'loadfont', 'nanddump', 'nandwrite', 'nbd-client', 'ntpd', 'partprobe', 'rdate',
    'readahead', 'rfkill', 'sendmail', 'setfont', 'setlogcons',
  ],
};

export const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

export const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

/** Versions: 3.18 → 3.18.6, 3.19 → 3.19.1, 3.20 → 3.20.3. */
export function alpineRootfs(b: TreeBuilder, release: string, arch: 'x86_64' | 'aarch64'): void {
  const minor = release.split('.').slice(0, 2).join('.');
  for (const d of ['/dev', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/var/empty', '/var/log', '/var/mail', '/var/opt', '/var/spool/cron', '/usr/local/bin', '/usr/local/lib', '/usr/local/share']) b.dir(d);
  b.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
  b.symlink('/var/run', '/run').symlink('/var/spool/mail', '../mail');
  b.blob('/bin/busybox', 808_712);
  for (const [dir, names] of Object.entries(APPLETS)) for (const n of names) b.symlink(`${dir}/${n}`, '/bin/busybox');
  b.blob('/sbin/apk', 68_376).blob('/sbin/ldconfig', 393, 0o755);
  b.blob(`/lib/ld-musl-${arch}.so.1`, 658_648);
  b.symlink(`/lib/libc.musl-${arch}.so.1`, `ld-musl-${arch}.so.1`);
  b.blob('/lib/libcrypto.so.3', 3_960_112).blob('/lib/libssl.so.3', 612_248);
  b.blob('/lib/libz.so.1.3.1', 100_504).symlink('/lib/libz.so.1', 'libz.so.1.3.1');
  b.blob('/lib/libapk.so.2.14.0', 196_920);
  b.symlink('/usr/lib/libcrypto.so.3', '../../lib/libcrypto.so.3').symlink('/usr/lib/libssl.so.3', '../../lib/libssl.so.3');
  b.blob('/usr/bin/getconf', 34_400).blob('/usr/bin/getent', 47_632).blob('/usr/bin/iconv', 22_232).blob('/usr/bin/scanelf', 67_368).blob('/usr/bin/ssl_client', 14_360);
  b.blob('/etc/ssl/certs/ca-certificates.crt', 219_342, 0o644).blob('/etc/ssl/cert.pem', 219_342, 0o644);
  b.blob('/lib/apk/db/installed', 25_117, 0o644).file('/lib/apk/db/lock', '', 0o600).file('/lib/apk/db/triggers', '', 0o644);
  b.file('/etc/alpine-release', `${release}\n`);
  b.file('/etc/os-release', `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${release}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`);
  b.file('/etc/passwd', ALPINE_PASSWD).file('/etc/group', ALPINE_GROUP);
  b.file('/etc/shadow', ALPINE_PASSWD.split('\n').filter(Boolean).map((l) => `${l.split(':')[0]}:${l.startsWith('root') ? '*' : '!'}::0:::::`).join('\n') + '\n', 0o640, 0, 42);
  b.file('/etc/hostname', 'localhost\n').file('/etc/hosts', '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n');
  b.file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n').file('/etc/motd', `Welcome to Alpine!\n\nThe Alpine Wiki contains a large amount of how-to guides and general\ninformation about administrating Alpine systems.\nSee <https://wiki.alpinelinux.org/>.\n\nYou can setup the system with the command: setup-alpine\n\nYou may change this message by editing /etc/motd.\n\n`);
  b.file('/etc/profile', 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\nexport PAGER=less\numask 022\nfor script in /etc/profile.d/*.sh ; do\n\tif [ -r "$script" ] ; then\n\t\t. "$script"\n\tfi\ndone\nunset script\n');
  b.file('/etc/apk/arch', `${arch}\n`).file('/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nca-certificates-bundle\nlibc-utils\n');
  b.file('/etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${minor}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${minor}/community\n`);
  b.blob('/etc/apk/keys/alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub', 800, 0o644);
  b.file('/etc/fstab', '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n');
  b.file('/etc/inittab', '::sysinit:/sbin/openrc sysinit\n::wait:/sbin/openrc default\n::ctrlaltdel:/sbin/reboot\n::shutdown:/sbin/openrc shutdown\n');
  b.file('/etc/securetty', 'console\ntty1\ntty2\n');
  b.blob('/etc/services', 12_813, 0o644);
  b.file('/etc/sysctl.conf', '# content of this file will override /etc/sysctl.d/*\n').dir('/etc/sysctl.d').dir('/etc/profile.d').dir('/etc/crontabs').dir('/etc/modprobe.d').dir('/etc/network/if-up.d').dir('/etc/opt').dir('/etc/periodic/daily').dir('/etc/udhcpc');
  b.file('/etc/profile.d/color_prompt.sh.disabled', '# Setup a red prompt for root and a green one for users.\n').file('/etc/profile.d/locale.sh', 'export CHARSET=${CHARSET:-UTF-8}\nexport LANG=${LANG:-C.UTF-8}\nexport LC_COLLATE=${LC_COLLATE:-C}\n');
  b.file('/etc/issue', `Welcome to Alpine Linux ${minor}\nKernel \\r on an \\m (\\l)\n\n`);
  b.blob('/usr/share/apk/keys/x86_64/alpine-devel@lists.alpinelinux.org-4a6a0840.rsa.pub', 451, 0o644);
  b.blob('/usr/share/udhcpc/default.script', 3_006, 0o755);
  for (const t of ['a/alacritty', 'a/ansi', 'd/dumb', 'g/gnome', 'k/konsole', 'l/linux', 'r/rxvt', 's/screen', 's/screen-256color', 's/sun', 't/tmux', 't/tmux-256color', 'v/vt100', 'v/vt102', 'v/vt200', 'v/vt220', 'x/xterm', 'x/xterm-256color', 'x/xterm-color', 'x/xterm-xfree86']) {
    b.blob(`/etc/terminfo/${t}`, 3_500, 0o644);
  }
}
