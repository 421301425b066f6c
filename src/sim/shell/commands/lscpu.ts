/**
 * lscpu (util-linux 2.39.3, util-linux@v2.39.3:sys-utils/lscpu.c) for node1's vCPUs, the same CPU as
 * /proc/cpuinfo and nproc (kernel/machine.ts CPU, the fixture's count): print_summary's sections as a
 * libsmartcols tree whose branch symbols are two spaces ("field" column as wide as its widest entry,
 * one space, "data"); the caches summed ("%s (%d instances)", size_to_human_string); the vulnerability
 * texts as lscpu-cputype.c read_vulnerabilities rewrites them ("Mitigation; …" without other colons). On a terminal
 * the data column wraps at spaces to the width; piped, it does not. -e prints the extended table
 * (CPU NODE SOCKET CORE L1d:L1i:L2:L3 ONLINE, no MHz columns without cpufreq), -p the parsable
 * list, -J the summary as JSON (libsmartcols' writer: three-space indents, "children" arrays).
 */
import type { ExecResult } from '../../api.ts';
import { CPU } from '../../kernel/machine.ts';
import type { SimCommand } from '../types.ts';

interface Node {
  field: string;
  data: string;
  children?: Node[];
}

/** size_to_human_string(SIZE_SUFFIX_3LETTER | SIZE_SUFFIX_SPACE) of a KiB figure: "128 KiB", "16 MiB". */
const human = (kib: number) => (kib >= 1024 ? `${kib / 1024 === Math.trunc(kib / 1024) ? kib / 1024 : (kib / 1024).toFixed(1)} MiB` : `${kib} KiB`);

function summary(n: number): Node[] {
  const list = n > 1 ? `0-${n - 1}` : '0';
  const vuln = CPU.vulnerabilities.map(([k, v]) => ({
    field: `${k.charAt(0).toUpperCase()}${k.slice(1).replace(/_/g, ' ')}:`,
    // read_vulnerabilities: a "Mitigation: …" text gets ';' after the word and loses every other ':' (strrem).
    data: v.startsWith('Mitigation') ? `Mitigation;${v.slice('Mitigation'.length + 1).replace(/:/g, '')}` : v,
  }));
  return [
    {
      field: 'Architecture:',
      data: 'x86_64',
      children: [
        { field: 'CPU op-mode(s):', data: '32-bit, 64-bit' },
        { field: 'Address sizes:', data: CPU.addressSizes },
        { field: 'Byte Order:', data: 'Little Endian' },
      ],
    },
    { field: 'CPU(s):', data: String(n), children: [{ field: 'On-line CPU(s) list:', data: list }] },
    {
      field: 'Vendor ID:',
      data: CPU.vendor,
      children: [
        { field: 'BIOS Vendor ID:', data: 'QEMU' },
        {
          field: 'Model name:',
          data: CPU.model,
          children: [
            { field: 'BIOS Model name:', data: CPU.biosModel },
            { field: 'BIOS CPU family:', data: '1' },
            { field: 'CPU family:', data: String(CPU.family) },
            { field: 'Model:', data: String(CPU.modelNumber) },
            { field: 'Thread(s) per core:', data: '1' },
            { field: 'Core(s) per socket:', data: '1' },
            { field: 'Socket(s):', data: String(n) },
            { field: 'Stepping:', data: String(CPU.stepping) },
            { field: 'BogoMIPS:', data: CPU.bogomips },
            { field: 'Flags:', data: CPU.flags },
          ],
        },
      ],
    },
    {
      field: 'Virtualization features:',
      data: '',
      children: [
        { field: 'Hypervisor vendor:', data: 'KVM' },
        { field: 'Virtualization type:', data: 'full' },
      ],
    },
    {
      field: 'Caches (sum of all):',
      data: '',
      children: CPU.caches.map(([name, kib]) => ({ field: `${name}:`, data: `${human(kib * n)} (${n} instance${n > 1 ? 's' : ''})` })),
    },
    {
      field: 'NUMA:',
      data: '',
      children: [
        { field: 'NUMA node(s):', data: '1' },
        { field: 'NUMA node0 CPU(s):', data: list },
      ],
    },
    { field: 'Vulnerabilities:', data: '', children: vuln },
  ];
}

/** The tree as text: each level two more spaces, the field column padded, the data wrapped at `width` when on a terminal. */
function renderTree(nodes: Node[], width: number | undefined): string {
  const flat: { field: string; data: string }[] = [];
  const walk = (list: Node[], depth: number) => {
    for (const x of list) {
      flat.push({ field: `${'  '.repeat(depth)}${x.field}`, data: x.data });
      if (x.children) walk(x.children, depth + 1);
    }
  };
  walk(nodes, 0);
  const fw = Math.max(...flat.map((r) => r.field.length));
  const room = width === undefined ? Number.POSITIVE_INFINITY : Math.max(1, width - fw - 1);
  let out = '';
  for (const r of flat) {
    const lines: string[] = [];
    let cur = '';
    for (const word of r.data.split(' ')) {
      if (cur && cur.length + 1 + word.length > room) {
        lines.push(cur);
        cur = word;
      } else cur = cur ? `${cur} ${word}` : word;
    }
    lines.push(cur);
    out += lines.map((l, i) => `${(i ? '' : r.field).padEnd(fw)} ${l}\n`).join('');
  }
  return out;
}

/** libsmartcols' JSON writer (lib/jsonwrt.c): three spaces a level, "children" for a line's children. */
function json(nodes: Node[]): string {
  const ind = (d: number) => '   '.repeat(d);
  const obj = (x: Node, d: number): string => {
    const kids = x.children ? `,\n${ind(d + 1)}"children": [\n${x.children.map((c) => obj(c, d + 2)).join(',\n')}\n${ind(d + 1)}]` : '';
    const data = x.data === '' ? 'null' : JSON.stringify(x.data);
    return `${ind(d)}{\n${ind(d + 1)}"field": ${JSON.stringify(x.field)},\n${ind(d + 1)}"data": ${data}${kids}\n${ind(d)}}`;
  };
  return `{\n   "lscpu": [\n${nodes.map((x) => obj(x, 2)).join(',\n')}\n   ]\n}\n`;
}

/** usage(): sys-utils/lscpu.c with include/c.h's USAGE_* and the coldescs_cpu / coldescs_cache tables (" %13s  %s"). */
const CPU_COLS: [string, string][] = [
  ['BOGOMIPS', 'crude measurement of CPU speed'],
  ['CPU', 'logical CPU number'],
  ['CORE', 'logical core number'],
  ['CLUSTER', 'logical cluster number'],
  ['SOCKET', 'logical socket number'],
  ['NODE', 'logical NUMA node number'],
  ['BOOK', 'logical book number'],
  ['DRAWER', 'logical drawer number'],
  ['CACHE', 'shows how caches are shared between CPUs'],
  ['POLARIZATION', 'CPU dispatching mode on virtual hardware'],
  ['ADDRESS', 'physical address of a CPU'],
  ['CONFIGURED', 'shows if the hypervisor has allocated the CPU'],
  ['ONLINE', 'shows if Linux currently makes use of the CPU'],
  ['MHZ', 'shows the currently MHz of the CPU'],
  ['SCALMHZ%', 'shows scaling percentage of the CPU frequency'],
  ['MAXMHZ', 'shows the maximum MHz of the CPU'],
  ['MINMHZ', 'shows the minimum MHz of the CPU'],
  ['MODELNAME', 'shows CPU model name'],
];
const CACHE_COLS: [string, string][] = [
  ['ALL-SIZE', 'size of all system caches'],
  ['LEVEL', 'cache level'],
  ['NAME', 'cache name'],
  ['ONE-SIZE', 'size of one cache'],
  ['TYPE', 'cache type'],
  ['WAYS', 'ways of associativity'],
  ['ALLOC-POLICY', 'allocation policy'],
  ['WRITE-POLICY', 'write policy'],
  ['PHY-LINE', 'number of physical cache line per cache tag'],
  ['SETS', 'number of sets in the cache; set lines has the same cache index'],
  ['COHERENCY-SIZE', 'minimum amount of data in bytes transferred from memory to cache'],
];
const cols = (list: [string, string][]) => list.map(([n, h]) => ` ${n.padStart(13)}  ${h}\n`).join('');
const USAGE = `
Usage:
 lscpu [options]

Display information about the CPU architecture.

Options:
 -a, --all               print both online and offline CPUs (default for -e)
 -b, --online            print online CPUs only (default for -p)
 -B, --bytes             print sizes in bytes rather than in human readable format
 -C, --caches[=<list>]   info about caches in extended readable format
 -c, --offline           print offline CPUs only
 -J, --json              use JSON for default or extended format
 -e, --extended[=<list>] print out an extended readable format
 -p, --parse[=<list>]    print out a parsable format
 -s, --sysroot <dir>     use specified directory as system root
 -x, --hex               print hexadecimal masks rather than lists of CPUs
 -y, --physical          print physical instead of logical IDs
     --hierarchic[=when] use subsections in summary (auto, never, always)
     --output-all        print all available columns for -e, -p or -C

${' -h, --help'.padEnd(25)}display this help
${' -V, --version'.padEnd(25)}display version

Available output columns for -e or -p:
${cols(CPU_COLS)}
Available output columns for -C:
${cols(CACHE_COLS)}
For more details see lscpu(1).
`;

export const lscpu: SimCommand = {
  name: 'lscpu',
  async run(args, env): Promise<ExecResult> {
    const n = env.host.fixture.cpus;
    let mode: 'summary' | 'extended' | 'parse' = 'summary';
    let asJson = false;
    for (const a of args) {
      if (a === '-h' || a === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
      if (a === '-V' || a === '--version') return { stdout: 'lscpu from util-linux 2.39.3\n', stderr: '', exitCode: 0 };
      if (a === '-e' || a === '--extended') mode = 'extended';
      else if (a === '-p' || a === '--parse') mode = 'parse';
      else if (a === '-J' || a === '--json') asJson = true;
      else if (a === '-a' || a === '--all' || a === '-b' || a === '--online') continue;
      else
        return {
          stdout: '',
          stderr: `${a.startsWith('--') ? `lscpu: unrecognized option '${a}'` : a.startsWith('-') ? `lscpu: invalid option -- '${a.slice(1, 2)}'` : 'lscpu: bad usage'}\nTry 'lscpu --help' for more information.\n`,
          exitCode: 1,
        };
    }
    const ids = Array.from({ length: n }, (_, i) => i);
    if (mode === 'parse')
      return {
        stdout: `# The following is the parsable format, which can be fed to other\n# programs. Each different item in every column has an unique ID\n# starting usually from zero.\n# CPU,Core,Socket,Node,,L1d,L1i,L2,L3\n${ids.map((i) => `${i},${i},${i},0,,${i},${i},${i},${i}\n`).join('')}`,
        stderr: '',
        exitCode: 0,
      };
    if (mode === 'extended') {
      if (asJson) {
        const rows = ids.map(
          (i) =>
            `      {\n         "cpu": ${i},\n         "node": 0,\n         "socket": ${i},\n         "core": ${i},\n         "l1d:l1i:l2:l3": "${i}:${i}:${i}:${i}",\n         "online": true\n      }`,
        );
        return { stdout: `{\n   "cpus": [\n${rows.join(',\n')}\n   ]\n}\n`, stderr: '', exitCode: 0 };
      }
      const cache = Math.max('L1d:L1i:L2:L3'.length, ...ids.map((i) => `${i}:${i}:${i}:${i}`.length));
      const head = `CPU NODE SOCKET CORE ${'L1d:L1i:L2:L3'.padEnd(cache)} ONLINE\n`;
      return {
        stdout:
          head +
          ids
            .map(
              (i) =>
                `${String(i).padStart(3)} ${'0'.padStart(4)} ${String(i).padStart(6)} ${String(i).padStart(4)} ${`${i}:${i}:${i}:${i}`.padEnd(cache)}    yes\n`,
            )
            .join(''),
        stderr: '',
        exitCode: 0,
      };
    }
    if (asJson) return { stdout: json(summary(n)), stderr: '', exitCode: 0 };
    return { stdout: renderTree(summary(n), env.tty ? env.columns : undefined), stderr: '', exitCode: 0 };
  },
};
