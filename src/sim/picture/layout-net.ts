/** Layout of the networks view: network namespaces, veth pairs matched by ifindex, bridges, published ports. */
import type { Labels } from './labels.ts';
import type { NetworksModel } from './model-types.ts';
import { cut, scene, type Scene } from './scene.ts';

export function layoutNetworks(m: NetworksModel, L: Labels): Scene {
  const s = scene('networks', L.networks, '');
  const W = s.width - 20;
  const host = m.namespaces.find((n) => n.host);
  const others = m.namespaces.filter((n) => !n.host);
  const ifW = 150;
  const ifH = 44;
  const pos = new Map<string, { x: number; y: number }>();
  let y = 30;
  const revealHost = ['ip link', 'ip addr'];
  if (host) {
    const perRow = Math.floor((W - 20) / (ifW + 8));
    const rows = Math.ceil(host.ifaces.length / perRow);
    const h = 30 + rows * (ifH + 8) + (m.ports.length ? 22 : 0);
    s.boxes.push({
      id: `netns-${host.inode}`,
      x: 10,
      y,
      w: W,
      h,
      tone: 'frame',
      lines: [`${L.netns} net:[${host.inode}] · ${L.host}`],
      small: true,
      title: `${L.netns} net:[${host.inode}] (${L.host})`,
      reveal: ['readlink /proc/1/ns/net', ...revealHost],
    });
    host.ifaces.forEach((i, k) => {
      const x = 20 + (k % perRow) * (ifW + 8);
      const iy = y + 24 + Math.floor(k / perRow) * (ifH + 8);
      pos.set(`${host.inode}:${i.index}`, { x: x + ifW / 2, y: iy + ifH });
      const bridge = i.kind === 'bridge';
      s.boxes.push({
        id: `if-${host.inode}-${i.index}`,
        x,
        y: iy,
        w: ifW,
        h: ifH,
        tone: bridge ? 'container' : i.kind === 'veth' ? 'new' : 'host',
        ...(i.kind === 'veth' ? { pattern: 'hatch' as const } : {}),
        mono: true,
        small: true,
        lines: [
          cut(`${i.index}: ${i.name}${i.peer !== undefined ? `@if${i.peer}` : ''}`, 24),
          cut(i.master ? `${L.master} ${i.master}` : (i.addrs.find((a) => !a.includes(':')) ?? i.kind), 24),
        ],
        title: `${i.index}: ${i.name}${i.peer !== undefined ? `@if${i.peer}` : ''} (${i.kind}${bridge ? `, ${L.bridge}` : ''})${i.master ? `, ${L.master} ${i.master}` : ''}${i.addrs.length ? `, ${i.addrs.join(' ')}` : ''}`,
        reveal: [`ip link show ${i.name}`, ...(i.master ? [`ip link show master ${i.master}`] : [])],
      });
    });
    if (m.ports.length)
      s.labels.push({ x: 20, y: y + h - 8, text: `${L.published}: ${m.ports.map((p) => `${p.binding} → ${p.container}`).join(' · ')}`, small: true });
    y += h + 40;
  }
  const boxW = 220;
  const perRow = Math.max(1, Math.floor(W / (boxW + 12)));
  let rowH = 0;
  others.forEach((n, k) => {
    const x = 10 + (k % perRow) * (boxW + 12);
    if (k > 0 && k % perRow === 0) {
      y += rowH + 16;
      rowH = 0;
    }
    const h = 30 + n.ifaces.length * (ifH - 14 + 6);
    rowH = Math.max(rowH, h);
    const who = n.owners.join(', ');
    s.boxes.push({
      id: `netns-${n.inode}`,
      x,
      y,
      w: boxW,
      h,
      tone: 'frame',
      lines: [cut(`net:[${n.inode}] · ${who}`, 34)],
      small: true,
      title: `${L.netns} net:[${n.inode}], ${L.owners}: ${who}`,
      reveal: [`readlink /proc/${n.pid}/ns/net`, 'lsns -t net'],
    });
    const ordered = [...n.ifaces].sort((a, b) => Number(b.kind === 'veth') - Number(a.kind === 'veth') || a.index - b.index);
    ordered.forEach((i, j) => {
      const iy = y + 22 + j * (ifH - 8);
      pos.set(`${n.inode}:${i.index}`, { x: x + boxW / 2, y: iy });
      s.boxes.push({
        id: `if-${n.inode}-${i.index}`,
        x: x + 8,
        y: iy,
        w: boxW - 16,
        h: ifH - 14,
        tone: i.kind === 'veth' ? 'new' : 'host',
        ...(i.kind === 'veth' ? { pattern: 'hatch' as const } : {}),
        mono: true,
        small: true,
        lines: [cut(`${i.index}: ${i.name}${i.peer !== undefined ? `@if${i.peer}` : ''} ${i.addrs.find((a) => !a.includes(':')) ?? ''}`, 32)],
        title: `${i.index}: ${i.name}${i.peer !== undefined ? `@if${i.peer}` : ''} (${i.kind})${i.addrs.length ? `, ${i.addrs.join(' ')}` : ''}`,
        reveal: [`sudo nsenter -t ${n.pid} -n ip link show ${i.name}`],
      });
    });
  });
  if (others.length) y += rowH + 10;
  for (const v of m.veths) {
    const a = pos.get(`${v.a.ns}:${v.a.index}`);
    const b = pos.get(`${v.b.ns}:${v.b.index}`);
    if (a && b) s.edges.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y, label: `${v.b.index}↔${v.a.index}` });
  }
  s.height = y + 44;
  s.legend.push({ tone: 'container', text: L.bridge }, { tone: 'new', pattern: 'hatch', text: L.veth });
  s.desc = `${m.namespaces.length} ${L.netns}; ${m.veths.map((v) => `${v.b.name}@if${v.a.index} ↔ ${v.a.name}@if${v.b.index}`).join('; ') || L.none}`;
  s.tables.push({
    caption: L.networks,
    head: [L.netns, L.owners, L.iface, L.ifindex, L.peer, L.master, L.addresses],
    rows: m.namespaces.flatMap((n) =>
      n.ifaces.map((i) => [
        `net:[${n.inode}]`,
        n.owners.join(', '),
        i.name,
        String(i.index),
        i.peer !== undefined ? `@if${i.peer}` : '',
        i.master ?? '',
        i.addrs.join(' '),
      ]),
    ),
  });
  if (m.ports.length) s.tables.push({ caption: L.ports, head: [L.container, L.published], rows: m.ports.map((p) => [p.container, p.binding]) });
  return s;
}
