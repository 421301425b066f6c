/**
 * top's 'W': write_rcfile (procps-ng@v4.0.4:src/top/top.c) with the defaults of Ubuntu's build (procps 4.0.4,
 * configured --disable-modern-top: ORIG_TOPDEFS in top.h — DEF_WINFLGS, DEF_FIELDS, JOB/MEM/USR_FIELDS,
 * DEF_RCFILE's colours and scales, DEF_DELAY 3.0), changed by what this top was told (d, i, 1, l, t, m, c, R and
 * the sort keys). The file is the one configs_reads chose: ~/.toprc when it can be read, else
 * $XDG_CONFIG_HOME or ~/.config, then procps/toprc (the directories made 0700).
 */
import type { CmdEnv } from '../types.ts';
import type { TopOpts } from './top.ts';

/** top.h's window flags. */
const F = {
  CPUSUM: 0x8000,
  LOADAV: 0x4000,
  STATES: 0x2000,
  MEMORY: 0x1000,
  HIBOLD: 0x400,
  HIROWS: 0x100,
  CMDLIN: 0x80,
  IDLEPS: 0x20,
  TASKON: 0x10,
  JRNUMS: 0x20000,
  NORMAL: 0x4,
};
/** ORIG_TOPDEFS's DEF_WINFLGS (ALT_WINFLGS is the same). */
const DEF_WINFLGS = F.LOADAV | F.STATES | F.CPUSUM | F.MEMORY | F.HIBOLD | F.HIROWS | F.IDLEPS | F.TASKON | F.JRNUMS | F.NORMAL;

/** The 100 fields' codes after the first ones each table names (2 per field: 76, 78, … 272 less those used). */
const tail = (head: number[]) =>
  [...head, ...Array.from({ length: 99 }, (_, i) => 76 + 2 * i).filter((n) => !head.some((h) => h >> 1 === n >> 1))].slice(0, 100);
const FIELDS = {
  Def: tail([75, 81, 103, 105, 119, 123, 129, 137, 111, 117, 115, 139]),
  Job: tail([75, 77, 115, 111, 117, 80, 103, 105, 137, 119, 123, 128, 120, 79, 139]),
  Mem: tail([75, 117, 119, 120, 123, 125, 127, 129, 131, 154, 132, 156, 135, 136, 102, 104, 111, 139]),
  Usr: tail([75, 77, 79, 81, 85, 97, 115, 111, 117, 137, 139]),
};

/** top.h DEF_RCFILE: sort field (pflag index), colours (summ, msgs, head, task). */
const WINDOWS: [keyof typeof FIELDS, number, [number, number, number, number]][] = [
  ['Def', 18, [1, 1, 3, 1]],
  ['Job', 0, [6, 6, 7, 6]],
  ['Mem', 21, [5, 5, 4, 5]],
  ['Usr', 3, [3, 3, 2, 3]],
];

/** The config text as write_rcfile prints it. */
export function rcText(o: TopOpts, sortIndex: number): string {
  let out = "top's Config File (Linux processes with windows)\n";
  // "Delay_time=%d.%d": whole seconds, then the fraction times 1000 ("3.0", "1.500").
  const frac = Math.trunc((o.delay - Math.trunc(o.delay)) * 1000 + 1e-6);
  out += `Id:k, Mode_altscr=0, Mode_irixps=1, Delay_time=${Math.trunc(o.delay)}.${frac}, Curwin=0\n`;
  WINDOWS.forEach(([name, sort, clr], i) => {
    const fields = FIELDS[name];
    out += `${name}\tfieldscur=`;
    fields.forEach((n, j) => {
      if (j && !(j % 20)) out += '\n\t\t  ';
      out += `${String(n).padStart(4)} `;
    });
    out += '\n';
    let flags = DEF_WINFLGS;
    let graphs = [0, 0];
    if (i === 0) {
      const set = (f: number, on: boolean) => {
        flags = on ? flags | f : flags & ~f;
      };
      set(F.CPUSUM, !o.perCpu);
      set(F.LOADAV, o.showLoad);
      set(F.STATES, o.states);
      set(F.MEMORY, o.memory);
      set(F.CMDLIN, o.cmdline);
      set(F.IDLEPS, o.idle);
      set(F.NORMAL, !o.reverse);
      graphs = [o.graphCpus, o.graphMems];
    }
    out += `\twinflags=${flags}, sortindx=${i === 0 ? sortIndex : sort}, maxtasks=0, graph_cpus=${graphs[0]}, graph_mems=${graphs[1]}, double_up=0, combine_cpus=0, core_types=0\n`;
    out += `\tsummclr=${clr[0]}, msgsclr=${clr[1]}, headclr=${clr[2]}, taskclr=${clr[3]}\n`;
  });
  // DEF_SCALES2 SK_Mb, SK_Kb.
  return `${out}Fixed_widest=0, Summ_mscale=1, Task_mscale=0, Zero_suppress=0, Tics_scaled=0\n`;
}

/** configs_reads' Rc_name, then write_rcfile; the message show_msg gives (WRITE_rcfile_fmt, FAIL_rc_open_fmt). */
export async function writeRc(env: CmdEnv, o: TopOpts, sortIndex: number): Promise<string> {
  const home = env.env.get('HOME') || '/root';
  const legacy = `${home}/.toprc`;
  let name = legacy;
  if (!(await env.fs.exists(legacy))) {
    const xdg = env.env.get('XDG_CONFIG_HOME');
    const base = xdg?.startsWith('/') ? xdg : `${home}/.config`;
    for (const d of [base, `${base}/procps`])
      if (!(await env.fs.exists(d)))
        await env.fs
          .mkdir(d, { recursive: true })
          .then(() => env.fs.chmod(d, 0o700))
          .catch(() => undefined);
    name = `${base}/procps/toprc`;
  }
  try {
    await env.fs.writeFile(name, rcText(o, sortIndex));
  } catch (e) {
    const why = /EACCES/.test(String(e)) ? 'Permission denied' : /EROFS/.test(String(e)) ? 'Read-only file system' : 'No such file or directory';
    return `Failed '${name}' open: ${why}`;
  }
  return `Wrote configuration to '${name}'`;
}
