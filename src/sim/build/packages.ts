/**
 * Package repositories as data: what `apt-get install` / `apk add` put on
 * disk (paths and installed sizes), the dependencies they pull in, and the
 * Debian mirror whose package versions move on (the stale apt cache trap of
 * CURRICULUM L9: lists fetched by a cached `apt-get update` still name
 * nginx 1.22.1-9 after the mirror has replaced it with 1.22.1-9+deb12u1).
 */

export interface PackageDef {
  /** Versions, oldest first; the mirror serves `versions[min(epoch, last)]`. */
  versions: string[];
  arch: 'amd64' | 'all';
  deps: string[];
  /** [path, size in bytes]; a trailing `/` marks a directory. */
  files: [string, number][];
}


export const APT: Record<string, PackageDef> = {
  nginx: { versions: ['1.22.1-9', '1.22.1-9+deb12u1'], arch: 'amd64', deps: ['nginx-common', 'iproute2', 'libcap2-bin'], files: [['/usr/sbin/nginx', 1_261_760], ['/usr/share/nginx/modules/', 0], ['/var/www/html/index.nginx-debian.html', 615]] },
  'nginx-common': { versions: ['1.22.1-9', '1.22.1-9+deb12u1'], arch: 'all', deps: [], files: [['/etc/nginx/nginx.conf', 1_447], ['/etc/nginx/sites-available/default', 2_412], ['/etc/nginx/mime.types', 5_349], ['/usr/share/nginx/html/index.html', 615], ['/var/lib/nginx/', 0], ['/var/log/nginx/', 0]] },
  iproute2: { versions: ['6.1.0-3'], arch: 'amd64', deps: ['libbpf1', 'libelf1', 'libmnl0', 'libxtables12'], files: [['/usr/bin/ip', 756_472], ['/usr/sbin/bridge', 149_000], ['/usr/sbin/ss', 171_000], ['/usr/share/iproute2/rt_tables', 87]] },
  'libcap2-bin': { versions: ['1:2.66-4'], arch: 'amd64', deps: [], files: [['/usr/sbin/capsh', 31_064], ['/usr/sbin/getcap', 14_520], ['/usr/sbin/getpcaps', 14_520], ['/usr/sbin/setcap', 14_520]] },
  libbpf1: { versions: ['1:1.1.0-1'], arch: 'amd64', deps: [], files: [['/usr/lib/x86_64-linux-gnu/libbpf.so.1.1.0', 318_520]] },
  libelf1: { versions: ['0.188-2.1'], arch: 'amd64', deps: [], files: [['/usr/lib/x86_64-linux-gnu/libelf-0.188.so', 108_936]] },
  libmnl0: { versions: ['1.0.4-3'], arch: 'amd64', deps: [], files: [['/usr/lib/x86_64-linux-gnu/libmnl.so.0.2.0', 22_592]] },
  libxtables12: { versions: ['1.8.9-2'], arch: 'amd64', deps: [], files: [['/usr/lib/x86_64-linux-gnu/libxtables.so.12.6.0', 51_000]] },
  curl: { versions: ['7.88.1-10+deb12u5'], arch: 'amd64', deps: ['libcurl4', 'ca-certificates'], files: [['/usr/bin/curl', 260_336]] },
  libcurl4: { versions: ['7.88.1-10+deb12u5'], arch: 'amd64', deps: [], files: [['/usr/lib/x86_64-linux-gnu/libcurl.so.4.8.0', 690_000], ['/usr/lib/x86_64-linux-gnu/libldap-2.5.so.0.1.8', 390_000], ['/usr/lib/x86_64-linux-gnu/libssh2.so.1.0.1', 280_000], ['/usr/lib/x86_64-linux-gnu/libkrb5.so.3.3', 830_000], ['/usr/lib/x86_64-linux-gnu/libnghttp2.so.14.24.1', 170_000], ['/usr/lib/x86_64-linux-gnu/libsasl2.so.2.0.25', 120_000], ['/usr/share/doc/libcurl4/changelog.gz', 4_900_000]] },
  'ca-certificates': { versions: ['20230311'], arch: 'all', deps: [], files: [['/etc/ssl/certs/ca-certificates.crt', 213_777], ['/usr/share/ca-certificates/mozilla/', 0], ['/usr/sbin/update-ca-certificates', 6_200], ['/usr/share/ca-certificates/mozilla/bundle', 380_000]] },
  wget: { versions: ['1.21.3-1+b2'], arch: 'amd64', deps: ['ca-certificates'], files: [['/usr/bin/wget', 514_000], ['/usr/share/locale/wget.mo', 3_200_000]] },
  procps: { versions: ['2:4.0.2-3'], arch: 'amd64', deps: [], files: [['/usr/bin/ps', 154_056], ['/usr/bin/top', 134_000], ['/usr/bin/free', 27_000], ['/usr/bin/pgrep', 30_000], ['/usr/bin/pkill', 30_000], ['/usr/bin/watch', 31_000], ['/usr/lib/x86_64-linux-gnu/libproc2.so.0.0.1', 2_100_000]] },
  'iputils-ping': { versions: ['3:20221126-1'], arch: 'amd64', deps: [], files: [['/usr/bin/ping', 90_568]] },
  tini: { versions: ['0.19.0-1'], arch: 'amd64', deps: [], files: [['/usr/bin/tini', 28_000], ['/usr/bin/tini-static', 780_000]] },
  git: { versions: ['1:2.39.2-1.1'], arch: 'amd64', deps: ['ca-certificates', 'libcurl4'], files: [['/usr/bin/git', 3_941_048], ['/usr/lib/git-core/bundle', 36_100_000]] },
  python3: { versions: ['3.11.2-1+b1'], arch: 'amd64', deps: [], files: [['/usr/bin/python3.11', 6_831_736], ['/usr/lib/python3.11/stdlib.zip', 45_000_000]] },
  make: { versions: ['4.3-4.1'], arch: 'amd64', deps: [], files: [['/usr/bin/make', 262_000]] },
  'build-essential': { versions: ['12.9'], arch: 'amd64', deps: ['make', 'gcc', 'g++', 'libc6-dev', 'dpkg-dev'], files: [['/usr/share/build-essential/list', 268]] },
  gcc: { versions: ['4:12.2.0-3'], arch: 'amd64', deps: ['cpp'], files: [['/usr/bin/x86_64-linux-gnu-gcc-12', 1_305_000], ['/usr/libexec/gcc/x86_64-linux-gnu/12/lto1', 34_000_000], ['/usr/lib/gcc/x86_64-linux-gnu/12/plugin-bundle', 60_000_000]] },
  cpp: { versions: ['4:12.2.0-3'], arch: 'amd64', deps: [], files: [['/usr/libexec/gcc/x86_64-linux-gnu/12/cc1', 34_800_000], ['/usr/bin/x86_64-linux-gnu-cpp-12', 1_300_000]] },
  'g++': { versions: ['4:12.2.0-3'], arch: 'amd64', deps: [], files: [['/usr/bin/x86_64-linux-gnu-g++-12', 1_309_000], ['/usr/libexec/gcc/x86_64-linux-gnu/12/cc1plus', 36_900_000], ['/usr/include/c++/12/bundle', 62_000_000]] },
  'libc6-dev': { versions: ['2.36-9+deb12u7'], arch: 'amd64', deps: [], files: [['/usr/include/stdio.h', 31_000], ['/usr/lib/x86_64-linux-gnu/libc.a', 6_200_000], ['/usr/include/bundle', 24_000_000]] },
  'dpkg-dev': { versions: ['1.21.22'], arch: 'all', deps: [], files: [['/usr/bin/dpkg-buildpackage', 30_000], ['/usr/share/perl5/Dpkg/bundle', 2_000_000], ['/usr/lib/x86_64-linux-gnu/perl/5.36/bundle', 90_815_732]] },
  vim: { versions: ['2:9.0.1378-2'], arch: 'amd64', deps: [], files: [['/usr/bin/vim.basic', 3_790_000], ['/usr/share/vim/vim90/bundle', 36_000_000]] },
};

export const APK: Record<string, PackageDef> = {
  curl: { versions: ['8.9.1-r1'], arch: 'amd64', deps: ['ca-certificates', 'libcurl'], files: [['/usr/bin/curl', 251_000]] },
  libcurl: { versions: ['8.9.1-r1'], arch: 'amd64', deps: [], files: [['/usr/lib/libcurl.so.4.8.0', 680_000], ['/usr/lib/libnghttp2.so.14.26.0', 170_000], ['/usr/lib/libbrotlidec.so.1.1.0', 50_000]] },
  'ca-certificates': { versions: ['20240705-r0'], arch: 'all', deps: [], files: [['/etc/ssl/certs/ca-certificates.crt', 219_342], ['/usr/share/ca-certificates/mozilla/bundle', 380_000]] },
  tzdata: { versions: ['2024a-r1'], arch: 'all', deps: [], files: [['/usr/share/zoneinfo/tzdata.zi', 3_700_000]] },
  bash: { versions: ['5.2.26-r0'], arch: 'amd64', deps: [], files: [['/bin/bash', 1_300_000], ['/usr/lib/libreadline.so.8.2', 300_000]] },
  tini: { versions: ['0.19.0-r3'], arch: 'amd64', deps: [], files: [['/sbin/tini', 38_000]] },
  git: { versions: ['2.45.2-r0'], arch: 'amd64', deps: ['libcurl', 'ca-certificates'], files: [['/usr/bin/git', 3_500_000], ['/usr/libexec/git-core/bundle', 12_000_000]] },
  'build-base': { versions: ['0.5-r3'], arch: 'amd64', deps: [], files: [['/usr/bin/gcc', 900_000], ['/usr/bin/make', 230_000], ['/usr/libexec/gcc/x86_64-alpine-linux-musl/13.2.1/cc1', 35_000_000], ['/usr/libexec/gcc/x86_64-alpine-linux-musl/13.2.1/bundle', 165_000_000]] },
  procps: { versions: ['4.0.4-r0'], arch: 'amd64', deps: [], files: [['/bin/ps', 110_000], ['/usr/lib/libproc2.so.0.0.2', 600_000]] },
  nodejs: { versions: ['20.15.1-r0'], arch: 'amd64', deps: [], files: [['/usr/bin/node', 60_000_000]] },
  npm: { versions: ['10.8.2-r0'], arch: 'all', deps: ['nodejs'], files: [['/usr/lib/node_modules/npm/bundle', 11_000_000]] },
};

/** Total installed size of packages, as apt prints "After this operation, … of additional disk space will be used." */
export function installedSize(defs: readonly PackageDef[]): number {
  return defs.reduce((n, d) => n + d.files.reduce((m, [, s]) => m + s, 0), 0);
}

/** The Debian mirror: its publication epoch moves on when point releases and security updates land. */
export class AptMirror {
  constructor(public epoch = 0) {}

  /** Publishes new versions (the old .deb files leave the pool). */
  advance(): void {
    this.epoch++;
  }

  versionAt(pkg: PackageDef, epoch: number): string {
    return pkg.versions[Math.min(epoch, pkg.versions.length - 1)]!;
  }

  /** The `Date:` of the Release file published at an epoch (the lists record it). */
  releaseDate(epoch: number): string {
    const d = new Date(Date.UTC(2024, 5, 29) + epoch * 14 * 86_400_000);
    const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${days[d.getUTCDay()]}, ${String(d.getUTCDate()).padStart(2, '0')} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} 08:46:12 UTC`;
  }
}

/** Sizes of what `apt-get update` writes to /var/lib/apt/lists for bookworm, bookworm-updates, bookworm-security. */
export const APT_LISTS: [string, number][] = [
  ['deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4', 17_864_021],
  ['deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages.lz4', 21_335],
  ['deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages.lz4', 512_930],
  ['deb.debian.org_debian_dists_bookworm-updates_InRelease', 55_392],
  ['deb.debian.org_debian-security_dists_bookworm-security_InRelease', 48_040],
];

/** What `apk update` / `apk add` without --no-cache leave in /var/cache/apk. */
export const APK_INDEX: [string, number][] = [
  ['/var/cache/apk/APKINDEX.66f5a2a0.tar.gz', 2_418_740],
  ['/var/cache/apk/APKINDEX.a6d38a3b.tar.gz', 1_027_451],
];

