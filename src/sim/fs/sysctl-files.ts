/**
 * The sysctl configuration Ubuntu 24.04 ships on node1, read by `sysctl -p` and `sysctl --system`
 * (procps-ng@v4.0.4:src/sysctl.c PreloadSystem): /etc/sysctl.conf and /etc/sysctl.d/ from Ubuntu's
 * procps 2:4.0.4-4ubuntu3, /usr/lib/sysctl.d/50-pid-max.conf from systemd 255.
 * Every key set here already holds its value at boot (systemd-sysctl applied them), see kernel/sysctl.ts.
 */
const SYSCTL_CONF = `#
# /etc/sysctl.conf - Configuration file for setting system variables
# See /etc/sysctl.d/ for additional system variables.
# See sysctl.conf (5) for information.
#

#kernel.domainname = example.com

# Uncomment the following to stop low-level messages on console
#kernel.printk = 3 4 1 3

###################################################################
# Functions previously found in netbase
#

# Uncomment the next two lines to enable Spoof protection (reverse-path filter)
# Turn on Source Address Verification in all interfaces to
# prevent some spoofing attacks
#net.ipv4.conf.default.rp_filter=1
#net.ipv4.conf.all.rp_filter=1

# Uncomment the next line to enable TCP/IP SYN cookies
# See http://lwn.net/Articles/277146/
# Note: This may impact IPv6 TCP sessions too
#net.ipv4.tcp_syncookies=1

# Uncomment the next line to enable packet forwarding for IPv4
#net.ipv4.ip_forward=1

# Uncomment the next line to enable packet forwarding for IPv6
#  Enabling this option disables Stateless Address Autoconfiguration
#  based on Router Advertisements for this host
#net.ipv6.conf.all.forwarding=1
`;

export const SYSCTL_FILES: Record<string, string> = {
  '/etc/sysctl.conf': SYSCTL_CONF,
  '/etc/sysctl.d/10-console-messages.conf': '# the following stops low-level messages on console\nkernel.printk = 4 4 1 7\n',
  '/etc/sysctl.d/10-ipv6-privacy.conf':
    "# IPv6 Privacy Extensions (RFC 4941)\n# ---\n# IPv6 typically uses a device's MAC address when choosing an IPv6 address\n# to use in autoconfiguration. Privacy extensions allow using a randomly\n# generated IPv6 address, which increases privacy.\n#\n# Acceptable values:\n#    0 - don’t use privacy extensions.\n#    1 - generate privacy addresses\n#    2 - prefer privacy addresses and use them over the normal addresses.\nnet.ipv6.conf.all.use_tempaddr = 2\nnet.ipv6.conf.default.use_tempaddr = 2\n",
  '/etc/sysctl.d/10-kernel-hardening.conf':
    '# These settings are specific to hardening the kernel itself from attack\n# from userspace, rather than protecting userspace from other malicious\n# userspace things.\n#\n#\n# When an attacker is trying to exploit the local kernel, it is often\n# helpful to be able to examine where in memory the kernel, modules,\n# and data structures live. As such, kernel addresses should be treated\n# as sensitive information.\n#\n# Many files and interfaces contain these addresses (e.g. /proc/kallsyms,\n# /proc/modules, etc), and this setting can censor the addresses. A value\n# of "0" allows all users to see the kernel addresses. A value of "1"\n# limits visibility to the root user, and "2" blocks even the root user.\nkernel.kptr_restrict = 1\n',
  '/etc/sysctl.d/10-magic-sysrq.conf':
    '# The magic SysRq key enables certain keystrokes to be interpreted by the\n# kernel to help with debugging. See\n# https://www.kernel.org/doc/html/latest/admin-guide/sysrq.html\nkernel.sysrq = 176\n',
  '/etc/sysctl.d/10-map-count.conf': '# This value is the maximum number of memory map areas a process may have.\nvm.max_map_count = 1048576\n',
  '/etc/sysctl.d/10-network-security.conf':
    '\n# Turn on Source Address Verification in all interfaces to\n# prevent some spoofing attacks.\nnet.ipv4.conf.default.rp_filter=2\nnet.ipv4.conf.all.rp_filter=2\n',
  '/etc/sysctl.d/10-ptrace.conf':
    '# The PTRACE system is used for debugging.  With it, a single user process\n# can attach to any other dumpable process owned by the same user.\nkernel.yama.ptrace_scope = 1\n',
  '/etc/sysctl.d/10-zeropage.conf':
    '# Protect the zero page of memory from userspace mmap to prevent kernel\n# NULL-dereference attacks against potential future kernel security\n# vulnerabilities.  (Added in kernel 2.6.23.)\nvm.mmap_min_addr = 65536\n',
  // A symlink to ../sysctl.conf on Ubuntu; the same text here.
  '/etc/sysctl.d/99-sysctl.conf': SYSCTL_CONF,
  '/etc/sysctl.d/README.sysctl':
    'Kernel system variables configuration files\n\nFiles found under the /etc/sysctl.d directory that end with .conf are\nparsed within sysctl(8) at boot time.  If you want to set kernel variables\nyou can either edit /etc/sysctl.conf or make a new file.\n',
  '/usr/lib/sysctl.d/50-pid-max.conf':
    '# SPDX-License-Identifier: LGPL-2.1-or-later\n#\n# This file is part of systemd.\n#\n# systemd is free software; you can redistribute it and/or modify it\n# under the terms of the GNU Lesser General Public License as published by\n# the Free Software Foundation; either version 2.1 of the License, or\n# (at your option) any later version.\n\n# See sysctl.d(5) and core(5) for documentation.\n\n# To override settings in this file, create a local file in /etc/sysctl.d/\n# (e.g., /etc/sysctl.d/90-override.conf), and put any assignments\n# there.\n\n# Bump the numeric PID range to its maximum of 2^22 (from the in-kernel default\n# of 2^16), to make PID collisions less likely.\nkernel.pid_max = 4194304\n',
};
