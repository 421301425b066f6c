/** Layouts of the kernel views: processes and namespaces, control groups, capabilities. */
import { NS_TYPES } from '../kernel/types.ts';
import type { Labels } from './labels.ts';
import { CAP_ROW, CAP_SETS, type CapabilitiesModel, type CgroupsModel, type ProcessesModel } from './model-types.ts';
import { cut, ibytes, MONO_CH, scene, type Scene } from './scene.ts';

const ROW = 26;
const TOP = 44;

export function layoutProcesses(m: ProcessesModel, L: Labels): Scene {
  const s = scene('processes', L.processes, '');
  const treeW = 420;
  const cellW = 70;
  const x0 = treeW + 10;
  s.width = x0 + NS_TYPES.length * cellW + 10;
  s.labels.push({ x: 10, y: 26, text: `${L.pid} · ${L.nspid} · ${L.command}`, bold: true });
  NS_TYPES.forEach((t, i) => {
    s.labels.push({ x: x0 + i * cellW + cellW / 2, y: 26, text: t, anchor: 'middle', bold: true });
  });
  m.procs.forEach((p, r) => {
    const y = TOP + r * ROW;
    const indent = Math.min(p.depth, 6) * 14;
    const nspid = p.nspid.length > 1 ? ` (${p.nspid.join(' ')})` : '';
    const who = p.container ? ` [${p.container}]` : '';
    s.boxes.push({
      id: `proc-${p.pid}`,
      x: 10 + indent,
      y,
      w: treeW - indent - 10,
      h: ROW - 4,
      tone: p.container ? 'container' : 'plain',
      mono: true,
      small: true,
      lines: [cut(`${p.pid}${nspid} ${p.command}`, Math.floor((treeW - indent - 20) / MONO_CH) - who.length) + who],
      title: `${L.process} ${p.pid}${p.nspid.length > 1 ? `, ${L.nspid} ${p.nspid.join(' ')}` : ''}: ${p.command}${p.container ? ` (${L.container} ${p.container})` : ''}`,
      reveal: [`ps -o pid,ppid,cmd -p ${p.pid}`, `grep NSpid /proc/${p.pid}/status`, `ls -l /proc/${p.pid}/ns`],
    });
    if (p.depth > 0) s.edges.push({ x1: 10 + indent - 8, y1: y - 4, x2: 10 + indent - 8, y2: y + ROW / 2 - 2 });
    NS_TYPES.forEach((t, i) => {
      const ns = p.ns[t];
      s.boxes.push({
        id: `ns-${p.pid}-${t}`,
        x: x0 + i * cellW + 2,
        y,
        w: cellW - 4,
        h: ROW - 4,
        tone: ns.host ? 'host' : 'new',
        ...(ns.host ? {} : { pattern: 'hatch' as const }),
        lines: [String(ns.inode)],
        mono: true,
        small: true,
        center: true,
        title: `${L.process} ${p.pid}: ${t}:[${ns.inode}] — ${ns.host ? L.shared : L.newNs}`,
        reveal: [`ls -l /proc/${p.pid}/ns/${t}`, `lsns -t ${t}`],
      });
    });
  });
  s.height = TOP + m.procs.length * ROW + 50;
  s.legend.push({ tone: 'host', text: L.shared }, { tone: 'new', pattern: 'hatch', text: L.newNs }, { tone: 'container', text: L.container });
  const news = new Set(m.procs.flatMap((p) => NS_TYPES.filter((t) => !p.ns[t].host).map((t) => `${t}:[${p.ns[t].inode}]`)));
  s.desc = `${m.procs.length} ${L.process}; ${L.newNs}: ${news.size ? [...news].join(', ') : L.none}`;
  s.tables.push({
    caption: L.processes,
    head: [L.pid, L.nspid, L.command, L.container, ...NS_TYPES],
    rows: m.procs.map((p) => [
      String(p.pid),
      p.nspid.join(' '),
      p.command,
      p.container ?? '',
      ...NS_TYPES.map((t) => `${t}:[${p.ns[t].inode}] ${p.ns[t].host ? L.host : L.newNs}`),
    ]),
  });
  return s;
}

const memText = (v: number | 'max') => (v === 'max' ? 'max' : `${v} (${ibytes(v)})`);

export function layoutCgroups(m: CgroupsModel, L: Labels): Scene {
  const s = scene('cgroups', L.cgroups, '');
  const nameW = 330;
  const barX = nameW + 20;
  const barW = 260;
  s.labels.push(
    { x: 10, y: 26, text: L.path, bold: true },
    { x: barX, y: 26, text: `${L.memoryCurrent} / ${L.memoryMax}`, bold: true },
    { x: barX + barW + 16, y: 26, text: `${L.cpuMax} · ${L.pids}`, bold: true },
  );
  const H = 40;
  m.groups.forEach((g, r) => {
    const y = TOP + r * H;
    const indent = g.depth * 16;
    const base = `/sys/fs/cgroup${g.path === '/' ? '' : g.path}`;
    s.boxes.push({
      id: `cg-${g.path}`,
      x: 10 + indent,
      y,
      w: nameW - indent,
      h: H - 6,
      tone: g.container ? 'container' : 'plain',
      mono: true,
      small: true,
      lines: [cut(g.name, Math.floor((nameW - indent - 14) / MONO_CH)), ...(g.container ? [`${L.container}: ${g.container}`] : [])],
      title: `${L.cgroup} ${g.path}${g.container ? ` (${L.container} ${g.container})` : ''}`,
      reveal: [`ls ${base}`, `cat ${base}/cgroup.procs`],
    });
    const limited = g.memoryMax !== 'max';
    const frac = limited ? Math.min(1, g.memoryCurrent / (g.memoryMax as number)) : 0;
    s.boxes.push({
      id: `cg-mem-${g.path}`,
      x: barX,
      y,
      w: barW,
      h: H - 6,
      tone: limited ? 'frame' : 'muted',
      small: true,
      mono: true,
      lines: [`${ibytes(g.memoryCurrent)} / ${g.memoryMax === 'max' ? `max (${L.noLimit})` : ibytes(g.memoryMax)}`],
      title: `${g.path}: ${L.memoryCurrent} ${g.memoryCurrent} (${ibytes(g.memoryCurrent)}), ${L.memoryMax} ${memText(g.memoryMax)}`,
      // The root cgroup has no memory.max or memory.current (CFTYPE_NOT_ON_ROOT, fs/cgroupfs.ts): free shows the host's memory.
      reveal: g.path === '/' ? ['free -b'] : [`cat ${base}/memory.max`, `cat ${base}/memory.current`],
    });
    if (limited && frac > 0)
      s.boxes.push({
        id: `cg-fill-${g.path}`,
        x: barX,
        y: y + H - 12,
        w: Math.max(2, Math.round(barW * frac)),
        h: 6,
        tone: frac > 0.9 ? 'warn' : 'on',
        lines: [],
        title: '',
        reveal: [],
      });
    const marks: string[] = [];
    if (g.oomKills) marks.push(`${L.oomKills}: ${g.oomKills}`);
    if (g.throttled) marks.push(`${L.throttled}: ${g.throttled}`);
    s.boxes.push({
      id: `cg-cpu-${g.path}`,
      x: barX + barW + 16,
      y,
      w: s.width - (barX + barW + 26),
      h: H - 6,
      tone: marks.length ? 'warn' : 'plain',
      ...(marks.length ? { pattern: 'cross' as const } : {}),
      small: true,
      mono: true,
      lines: [`cpu.max ${g.cpuMax} · pids ${g.pidsCurrent}/${g.pidsMax}`, ...(marks.length ? [marks.join(' · ')] : [])],
      title: `${g.path}: ${L.cpuMax} ${g.cpuMax}; ${L.pids} ${g.pidsCurrent} / ${g.pidsMax}${marks.length ? `; ${marks.join('; ')}` : ''}`,
      reveal: [
        ...(g.path === '/' ? [`cat ${base}/cpu.stat`] : [`cat ${base}/cpu.max`, `cat ${base}/pids.max`]),
        ...(g.oomKills ? [`cat ${base}/memory.events`] : []),
        ...(g.throttled && g.path !== '/' ? [`cat ${base}/cpu.stat`] : []),
      ],
    });
  });
  s.height = TOP + m.groups.length * H + 44;
  s.legend.push(
    { tone: 'container', text: L.container },
    { tone: 'on', text: L.memoryCurrent },
    { tone: 'warn', pattern: 'cross', text: `${L.oom} / ${L.throttling}` },
  );
  const scoped = m.groups.filter((g) => g.container);
  s.desc = `${m.groups.length} ${L.cgroup}; ${scoped.map((g) => `${g.container}: ${L.memoryMax} ${memText(g.memoryMax)}, ${L.cpuMax} ${g.cpuMax}`).join('; ') || L.none}`;
  s.tables.push({
    caption: L.cgroups,
    head: [L.path, L.container, L.memoryMax, L.memoryCurrent, L.cpuMax, L.pids, L.oomKills, L.throttled],
    rows: m.groups.map((g) => [
      g.path,
      g.container ?? '',
      memText(g.memoryMax),
      `${g.memoryCurrent} (${ibytes(g.memoryCurrent)})`,
      g.cpuMax,
      `${g.pidsCurrent} / ${g.pidsMax}`,
      String(g.oomKills),
      String(g.throttled),
    ]),
  });
  return s;
}

export function layoutCapabilities(m: CapabilitiesModel, L: Labels): Scene {
  const s = scene('capabilities', L.capabilities, '');
  const labelW = 190;
  const cell = 19;
  const n = m.names.length;
  s.width = labelW + n * cell + 20;
  for (let b = 0; b < n; b += 5) s.labels.push({ x: labelW + b * cell + cell / 2, y: 40, text: String(b), anchor: 'middle', small: true });
  s.labels.push({ x: 10, y: 22, text: `${L.process} ${m.pid}${m.container ? ` [${m.container}]` : ''}: ${cut(m.command, 80)}`, bold: true });
  const H = 30;
  const dropped = new Set(m.dropped);
  CAP_SETS.forEach((set, r) => {
    const y = 50 + r * H;
    const on = new Set(m.bits[set]);
    s.labels.push({ x: 10, y: y + 12, text: CAP_ROW[set], bold: true }, { x: 10, y: y + 24, text: m.hex[set], small: true });
    for (let b = 0; b < n; b++) {
      const has = on.has(b);
      const gone = set === 'bnd' && !has && dropped.has(b);
      s.boxes.push({
        id: `cap-${set}-${b}`,
        x: labelW + b * cell + 1,
        y: y + 2,
        w: cell - 2,
        h: H - 6,
        tone: has ? 'on' : gone ? 'dropped' : 'off',
        ...(gone ? { pattern: 'cross' as const } : {}),
        lines: [has ? '1' : '0'],
        small: true,
        center: true,
        mono: true,
        title: `${CAP_ROW[set]} bit ${b} ${m.names[b]}: ${has ? L.bitOn : L.bitOff}${gone ? ` (${L.droppedBit})` : ''}`,
        reveal: [`grep ${CAP_ROW[set]} /proc/${m.pid}/status`, `capsh --decode=${m.hex[set]}`],
      });
    }
  });
  s.height = 50 + CAP_SETS.length * H + 44;
  s.legend.push({ tone: 'on', text: `1 = ${L.bitOn}` }, { tone: 'off', text: `0 = ${L.bitOff}` }, { tone: 'dropped', pattern: 'cross', text: L.droppedBit });
  const names = (bits: number[]) => bits.map((b) => m.names[b]).join(', ') || L.none;
  s.desc = `${L.process} ${m.pid}: CapEff ${m.hex.eff} = ${names(m.bits.eff)}`;
  s.tables.push({
    caption: `${L.capabilities}: ${L.process} ${m.pid}`,
    head: [L.set, L.mask, L.names],
    rows: CAP_SETS.map((set) => [CAP_ROW[set], m.hex[set], names(m.bits[set])]),
  });
  return s;
}
