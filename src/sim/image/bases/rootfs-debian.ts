/**
 * The debian 12 (bookworm) root filesystem as file-tree data: merged /usr,
 * bash + dash, coreutils, util-linux, apt/dpkg, no procps and no iproute2
 * (so `ps` is "command not found", as CURRICULUM L1 shows).
 * Totals: debian:12 117MB, debian:12-slim 74.8MB (fixed with `fillTo`).
 */
import { contentSize, type TreeBuilder } from '../tree.ts';

export const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

export const DEBIAN_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

export const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** [name, size] of binaries in /usr/bin. */
const USR_BIN: [string, number][] = [
  ['bash', 1_265_648], ['dash', 125_560], ['cat', 44_016], ['chmod', 64_448], ['chown', 72_672], ['cp', 151_152],
  ['date', 113_200], ['dd', 80_976], ['df', 97_512], ['dir', 151_344], ['echo', 35_632], ['env', 48_536],
  ['false', 35_664], ['grep', 203_152], ['gzip', 98_136], ['head', 47_480], ['hostname', 22_640], ['id', 48_152],
  ['kill', 31_000], ['ln', 72_840], ['ls', 151_344], ['mkdir', 76_880], ['mktemp', 43_664], ['mount', 59_704],
  ['mv', 143_000], ['nsenter', 39_088], ['printenv', 35_664], ['pwd', 39_760], ['readlink', 48_400], ['rm', 72_704],
  ['rmdir', 43_664], ['sed', 122_224], ['sleep', 35_664], ['sort', 109_616], ['stat', 89_296], ['tail', 68_432],
  ['tar', 531_104], ['tee', 39_824], ['touch', 93_872], ['true', 35_664], ['umount', 35_128], ['uname', 39_760],
  ['unshare', 39_096], ['wc', 48_400], ['whoami', 35_664], ['getent', 35_040], ['perl', 3_946_792],
  ['apt', 18_712], ['apt-get', 31_248], ['apt-cache', 84_768], ['apt-config', 27_112], ['dpkg', 309_816],
  ['dpkg-query', 158_312], ['dpkg-deb', 158_296], ['login', 56_384], ['su', 72_000], ['sha256sum', 47_504],
  ['find', 224_848], ['xargs', 68_552], ['diff', 195_968], ['cmp', 52_000], ['awk', 154_000], ['mawk', 154_000],
  ['cut', 47_480], ['tr', 51_592], ['dmesg', 80_136],
];

const LIBS: [string, number][] = [
  ['libc.so.6', 1_922_136], ['ld-linux-x86-64.so.2', 210_968], ['libm.so.6', 907_784], ['libstdc++.so.6.0.30', 2_260_296],
  ['libapt-pkg.so.6.0.0', 2_216_232], ['libsystemd.so.0.35.0', 919_360], ['libcrypto.so.3', 4_709_656],
  ['libssl.so.3', 696_336], ['libgnutls.so.30.34.3', 2_109_976], ['libunistring.so.2.2.0', 1_826_088],
  ['libp11-kit.so.0.3.0', 1_309_440], ['libdb-5.3.so', 1_845_888], ['libzstd.so.1.5.4', 841_336],
  ['liblzma.so.5.4.1', 178_568], ['libz.so.1.2.13', 121_280], ['libselinux.so.1', 178_928],
  ['libpcre2-8.so.0.11.2', 629_456], ['libmount.so.1.1.0', 371_800], ['libblkid.so.1.1.0', 306_640],
  ['libgcrypt.so.20.4.1', 1_318_120], ['libncursesw.so.6.4', 300_000], ['libtinfo.so.6.4', 200_000],
];

/**
 * Fills the tree to an exact content size with one file at `path`
 * (used so base images have the size real Docker reports).
 */
export function fillTo(b: TreeBuilder, path: string, target: number, mode = 0o644): void {
  const rest = target - contentSize(b.tree);
  if (rest < 0) throw new Error(`fillTo ${path}: tree already ${contentSize(b.tree)} bytes, over the target ${target}`);
  b.blob(path, rest, mode);
}

export function debianRootfs(b: TreeBuilder, opts: { slim: boolean; arch: 'amd64' | 'arm64'; pointRelease: string }): void {
  const triplet = opts.arch === 'amd64' ? 'x86_64-linux-gnu' : 'aarch64-linux-gnu';
  b.symlink('/bin', 'usr/bin').symlink('/sbin', 'usr/sbin').symlink('/lib', 'usr/lib');
  if (opts.arch === 'amd64') b.symlink('/lib64', 'usr/lib64');
  for (const d of ['/boot', '/dev', '/home', '/media', '/mnt', '/opt', '/proc', '/run/lock', '/srv', '/sys', '/usr/games', '/usr/include', '/usr/local/bin', '/usr/local/sbin', '/usr/src', '/var/backups', '/var/cache/apt/archives/partial', '/var/lib/apt/lists/partial', '/var/lib/misc', '/var/local', '/var/log/apt', '/var/mail', '/var/opt', '/var/spool']) b.dir(d);
  b.dir('/root', 0o700).dir('/tmp', 0o1777).dir('/var/tmp', 0o1777);
  b.symlink('/var/run', '/run').symlink('/var/lock', '/run/lock');
  for (const [n, size] of USR_BIN) b.blob(`/usr/bin/${n}`, size);
  b.symlink('/usr/bin/sh', 'dash').symlink('/usr/bin/rbash', 'bash').symlink('/usr/bin/zcat', 'gzip');
  b.blob('/usr/sbin/ldconfig', 936_328).blob('/usr/sbin/nologin', 14_640).blob('/usr/sbin/useradd', 155_760).blob('/usr/sbin/groupadd', 80_000).blob('/usr/sbin/adduser', 38_000).blob('/usr/sbin/chroot', 39_760);
  for (const [n, size] of LIBS) b.blob(`/usr/lib/${triplet}/${n}`, size);
  if (opts.arch === 'amd64') b.symlink('/usr/lib64/ld-linux-x86-64.so.2', `../lib/${triplet}/ld-linux-x86-64.so.2`);
  b.blob(`/usr/lib/${triplet}/gconv/gconv-modules.cache`, 27_010).blob(`/usr/lib/${triplet}/perl-base/Config_heavy.pl`, 7_000_000);
  b.file('/usr/lib/os-release', DEBIAN_OS_RELEASE).symlink('/etc/os-release', '../usr/lib/os-release');
  b.file('/etc/debian_version', `${opts.pointRelease}\n`);
  b.file('/etc/passwd', DEBIAN_PASSWD).file('/etc/group', DEBIAN_GROUP);
  b.file('/etc/shadow', DEBIAN_PASSWD.split('\n').filter(Boolean).map((l) => `${l.split(':')[0]}:*:19800:0:99999:7:::`).join('\n') + '\n', 0o640, 0, 42);
  b.file('/etc/hostname', 'localhost\n').file('/etc/hosts', '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n');
  b.file('/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n');
  b.file('/etc/bash.bashrc', '# System-wide .bashrc file for interactive bash(1) shells.\n[ -z "$PS1" ] && return\nshopt -s checkwinsize\n');
  b.file('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n', 0o644).file('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n', 0o644);
  b.file('/etc/apt/sources.list.d/debian.sources', 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n');
  b.file('/etc/apt/apt.conf.d/docker-clean', 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\n');
  b.blob('/usr/share/keyrings/debian-archive-keyring.gpg', 8_700);
  b.blob('/var/lib/dpkg/status', 75_000).blob('/var/lib/dpkg/available', 0).dir('/var/lib/dpkg/info').dir('/var/lib/dpkg/updates');
  b.blob('/var/cache/debconf/templates.dat', 1_400_000).blob('/var/cache/debconf/config.dat', 15_000);
  b.blob('/usr/share/zoneinfo/Etc/UTC', 114).symlink('/etc/localtime', '/usr/share/zoneinfo/Etc/UTC');
  b.blob('/usr/share/zoneinfo/tzdata.zi', 3_900_000);
  b.file('/etc/timezone', 'Etc/UTC\n');
  if (!opts.slim) {
    b.blob('/usr/share/doc/copyrights.tar', 3_600_000);
    b.blob('/usr/share/man/man1/manpages.tar', 7_100_000);
    b.blob('/usr/share/locale/locales.tar', 17_800_000);
    b.blob('/usr/share/info/coreutils.info.gz', 320_000);
    b.blob('/usr/share/perl5/Debconf/modules.tar', 2_200_000);
    fillTo(b, `/usr/lib/${triplet}/libicudata.so.72.1`, opts.arch === 'amd64' ? 116_540_001 : 139_010_000, 0o755);
  } else {
    fillTo(b, `/usr/lib/${triplet}/libicudata.so.72.1`, opts.arch === 'amd64' ? 74_762_211 : 97_080_000, 0o755);
  }
}
