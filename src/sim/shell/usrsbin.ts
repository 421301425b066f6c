/**
 * Where Ubuntu 24.04's packages put the host's programs that are not in /usr/bin (after the usrmerge moves):
 * 'sbin' only in /usr/sbin, 'both' a program in /usr/bin with a /usr/sbin/NAME link to ../bin/NAME. With PATH
 * /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin, `which` finds these in /usr/sbin.
 * Packages: procps 2:4.0.4-4ubuntu3 (sysctl), libcap2-bin 1:2.66-5ubuntu2 (capsh, getpcaps, getcap, setcap), iproute2 6.1.0-1ubuntu6
 * (ip, with debian/iproute2.links sbin/ip → bin/ip; bridge in /usr/sbin only), init-system-helpers 1.66ubuntu1 (service), kmod 31+20240202-2ubuntu7 (lsmod, modprobe: debian/kmod.links sbin/NAME → bin/kmod), coreutils 9.4-3ubuntu6 (chroot), iptables 1.8.10-3ubuntu2 (iptables: /usr/sbin/iptables, an alternatives link to xtables-nft-multi), nftables 1.0.9-1build1 (nft: /usr/sbin/nft).
 */
export const SBIN: Readonly<Record<string, 'sbin' | 'both'>> = {
  sysctl: 'sbin',
  capsh: 'sbin',
  getpcaps: 'sbin',
  getcap: 'sbin',
  setcap: 'sbin',
  ip: 'both',
  service: 'sbin',
  lsmod: 'sbin',
  chroot: 'sbin',
  modprobe: 'sbin',
  iptables: 'sbin',
  'iptables-save': 'sbin',
  bridge: 'sbin',
  nft: 'sbin',
};
