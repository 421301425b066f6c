/**
 * ldd (glibc 2.39, glibc@glibc-2.39:elf/ldd.bash.in) on node1: for each file, "No such file or
 * directory" or "not regular file" (stderr, status 1), a script or other non-ELF file "	not a
 * dynamic executable" (stderr, status 1), else the loader's trace: linux-vdso.so.1, each NEEDED
 * library "=> path (address)", then the loader. With several files each block is headed "FILE:".
 * The libraries are those each Ubuntu 24.04 program links (its DT_NEEDED, as `readelf -d` lists
 * them); a program not in the table links libc alone. The addresses change on every run of a real
 * host (ASLR): the ones here are fixed, believable values (no source), the same on every run.
 */
import type { ExecResult } from '../../api.ts';
import { BUSYBOX_SCRIPT } from '../applet.ts';
import type { SimCommand } from '../types.ts';

const LIB = '/lib/x86_64-linux-gnu';
/** DT_NEEDED of the Ubuntu 24.04 amd64 programs (before libc, which every one needs); Go's static docker CLI needs none. */
const NEEDED: Record<string, string[] | 'static'> = {
  ls: ['libselinux.so.1'],
  cp: ['libselinux.so.1', 'libacl.so.1', 'libattr.so.1'],
  mv: ['libselinux.so.1', 'libacl.so.1', 'libattr.so.1'],
  bash: ['libtinfo.so.6'],
  ps: ['libproc2.so.0'],
  top: ['libproc2.so.0', 'libncursesw.so.6', 'libtinfo.so.6'],
  ssh: ['libcrypto.so.3', 'libz.so.1', 'libgssapi_krb5.so.2'],
  curl: ['libcurl.so.4', 'libz.so.1'],
  ip: ['libbpf.so.1', 'libelf.so.1', 'libmnl.so.0', 'libselinux.so.1', 'libcap.so.2'],
  ss: ['libselinux.so.1', 'libbpf.so.1', 'libelf.so.1', 'libmnl.so.0', 'libcap.so.2'],
  dockerd: ['libsystemd.so.0'],
  docker: 'static',
  containerd: 'static',
  runc: ['libseccomp.so.2'],
  kubectl: 'static',
  modprobe: ['libzstd.so.1', 'liblzma.so.5', 'libcrypto.so.3'],
};
/** The loader, then the libraries that come with the NEEDED ones (libselinux brings libpcre2-8; libproc2 brings libsystemd …). */
const BRINGS: Record<string, string[]> = {
  'libselinux.so.1': ['libpcre2-8.so.0'],
  'libproc2.so.0': ['libsystemd.so.0'],
  'libsystemd.so.0': ['libcap.so.2', 'libgcrypt.so.20', 'liblz4.so.1', 'liblzma.so.5', 'libzstd.so.1', 'libgpg-error.so.0'],
  'libbpf.so.1': ['libz.so.1'],
  'libelf.so.1': ['libzstd.so.1'],
};

/** ldd --version (glibc's usage of the Ubuntu build, 2.39-0ubuntu8.3 in September 2024). */
const VERSION = `ldd (Ubuntu GLIBC 2.39-0ubuntu8.3) 2.39
Copyright (C) 2024 Free Software Foundation, Inc.
This is free software; see the source for copying conditions.  There is NO
warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.
Written by Roland McGrath and Ulrich Drepper.
`;

const HELP = `Usage: ldd [OPTION]... FILE...
      --help              print this help and exit
      --version           print version information and exit
  -d, --data-relocs       process data relocations
  -r, --function-relocs   process data and function relocations
  -u, --unused            print unused direct dependencies
  -v, --verbose           print all information

For bug reporting instructions, please see:
<https://bugs.launchpad.net/ubuntu/+source/glibc/+bugs>.
`;

/** The libraries of a program in load order: NEEDED, libc, then what those bring, each once. */
function libraries(name: string): string[] | 'static' {
  const needed = NEEDED[name] ?? [];
  if (needed === 'static') return needed;
  const out: string[] = [...needed, 'libc.so.6'];
  for (let i = 0; i < out.length; i++) for (const b of BRINGS[out[i] as string] ?? []) if (!out.includes(b)) out.push(b);
  return out;
}

const hex = (n: number) => `0x${n.toString(16).padStart(16, '0')}`;

export const ldd: SimCommand = {
  name: 'ldd',
  async run(args, env): Promise<ExecResult> {
    const files: string[] = [];
    for (const a of args) {
      if (a === '--help') return { stdout: HELP, stderr: '', exitCode: 0 };
      if (a === '--version') return { stdout: VERSION, stderr: '', exitCode: 0 };
      if (/^(-[vurd]+|--(verbose|unused|function-relocs|data-relocs))$/.test(a) || a === '--') continue;
      // The script's own case: "ldd: unrecognized option" and the usage hint, status 1.
      if (a.startsWith('-')) return { stdout: '', stderr: `ldd: unrecognized option '${a}'\nTry \`ldd --help' for more information.\n`, exitCode: 1 };
      files.push(a);
    }
    if (!files.length) return { stdout: '', stderr: "ldd: missing file arguments\nTry `ldd --help' for more information.\n", exitCode: 1 };
    let out = '';
    let err = '';
    let status = 0;
    for (const f of files) {
      const head = files.length > 1 ? `${f}:\n` : '';
      const path = env.fs.resolvePath(env.cwd, f);
      const st = await env.fs.stat(path).catch(() => undefined);
      if (!st) {
        err += `ldd: ${f}: No such file or directory\n`;
        status = 1;
        continue;
      }
      if (!st.isFile) {
        err += `ldd: ${f}: not regular file\n`;
        status = 1;
        continue;
      }
      const text = await env.fs.readFile(path).catch(() => '');
      // node1's programs are empty files here (or the runtime's applet stub, applet.ts); anything else with content (a script, a text file) is not ELF.
      const real = await env.fs.realpath(path).catch(() => path);
      const libs = text.length && text !== BUSYBOX_SCRIPT ? 'static' : libraries(real.slice(real.lastIndexOf('/') + 1));
      out += head;
      if (libs === 'static') {
        err += '\tnot a dynamic executable\n';
        status = 1;
        continue;
      }
      // ASLR: a vDSO near the stack, the libraries mapped down from a base in the mmap area (fixed here).
      out += `\tlinux-vdso.so.1 (${hex(0x7ffd_4a5f_2000)})\n`;
      let base = 0x7f3a_9c40_0000;
      const near = 0x7f3a_9c7e_1000;
      libs.forEach((l, i) => {
        const at = l === 'libc.so.6' ? base : near - (i + 1) * 0x2d000;
        out += `\t${l} => ${LIB}/${l} (${hex(at)})\n`;
      });
      base = near + 0x2b000;
      out += `\t/lib64/ld-linux-x86-64.so.2 (${hex(base)})\n`;
    }
    return { stdout: out, stderr: err, exitCode: status };
  },
};
