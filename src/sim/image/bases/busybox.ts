/**
 * busybox:1.36.1 (the glibc variant Docker Hub's `busybox` names), the image `kubectl debug --image=busybox` pulls:
 * one static /bin/busybox with its applets beside it in /bin, busybox's own passwd and group, `CMD ["sh"]`.
 * Fixture facts: the total is 4,261,550 bytes (`docker images` prints 4.26MB, as it does for busybox:1.36.1);
 * the applets are symlinks here where the real image hard-links them. The fixture registry's `latest` is 1.36.1.
 */
import type { TreeBuilder } from '../tree.ts';
import { BUILDKIT, type Arch, type BaseImageDef } from './define.ts';
import { APPLETS } from './rootfs-alpine.ts';
import { fillTo } from './rootfs-debian.ts';

const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nobody:x:65534:
`;

function busyboxRootfs(b: TreeBuilder, arch: Arch): void {
  for (const d of ['/dev', '/home', '/usr/sbin', '/var/spool/mail', '/var/www']) b.dir(d);
  b.dir('/root', 0o700).dir('/tmp', 0o1777);
  b.blob('/bin/busybox', 1_171_920);
  const names = new Set(Object.values(APPLETS).flat());
  for (const n of [...names].sort()) if (n !== 'busybox') b.symlink(`/bin/${n}`, 'busybox');
  b.file('/etc/passwd', PASSWD).file('/etc/group', GROUP);
  b.file('/etc/shadow', PASSWD.split('\n').filter(Boolean).map((l) => `${l.split(':')[0]}:*:10933:0:99999:7:::`).join('\n') + '\n', 0o600);
  b.file('/etc/localtime', '', 0o644);
  b.blob(arch === 'amd64' ? '/lib/ld-linux-x86-64.so.2' : '/lib/ld-linux-aarch64.so.1', 210_968).blob('/lib/libm.so.6', 907_784).blob('/lib/libresolv.so.2', 68_104).blob('/lib/libnss_dns.so.2', 14_376).blob('/lib/libnss_files.so.2', 14_376);
  b.symlink('/lib64', 'lib');
  fillTo(b, '/lib/libc.so.6', 4_261_550, 0o755);
}

export const BUSYBOX_136: BaseImageDef = {
  repo: 'docker.io/library/busybox',
  tags: ['1.36', '1.36.1', 'latest', 'glibc'],
  created: '2023-05-18T22:34:17Z',
  flavor: 'docker',
  steps: [
    { createdBy: 'BusyBox 1.36.1 (glibc), Debian 12', files: (b, ctx) => busyboxRootfs(b, ctx.arch) },
    { createdBy: 'CMD ["sh"]', comment: BUILDKIT },
  ],
  config: { Env: [PATH_ENV], Cmd: ['sh'] },
  // Docker Hub's busybox:1.36.1 has a linux/arm64/v8 image beside linux/amd64 (docker-library/official-images
  // library/busybox: Architectures amd64, arm64v8, …); the arm64 loader is glibc's aarch64 name, its size the amd64
  // one's (no source for the arm64 image's sizes).
  platforms: ['amd64', 'arm64'],
};
