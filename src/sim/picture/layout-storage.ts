/** Layouts of the storage views: layers and overlay, image identity. */
import type { Labels } from './labels.ts';
import type { IdentityModel, LayersModel } from './model-types.ts';
import { cut, dsize, scene, shortDigest, type Box, type Scene } from './scene.ts';

const MAX_CHANGES = 14;

export function layoutLayers(m: LayersModel, L: Labels): Scene {
  const s = scene('layers', L.layers, '');
  const W = s.width - 20;
  let y = 34;
  const c = m.container;
  const changeTone = { A: 'added', C: 'copyup', D: 'whiteout' } as const;
  const changePattern = { A: undefined, C: 'dots', D: 'cross' } as const;
  const changeWord = { A: L.added, C: L.copyUp, D: L.deleted } as const;
  if (c) {
    s.labels.push({ x: 10, y: 24, text: `${L.container} ${c.name} · ${L.overlay}`, bold: true });
    s.boxes.push({
      id: 'ov-merged',
      x: 10,
      y,
      w: W,
      h: 26,
      tone: 'frame',
      lines: [`${L.merged}: ${c.mergedDir}`],
      mono: true,
      small: true,
      title: `${L.merged}: ${c.mergedDir}`,
      reveal: [`docker inspect --format '{{.GraphDriver.Data.MergedDir}}' ${c.name}`, `docker exec ${c.name} mount`],
    });
    y += 34;
    const shown = c.changes.slice(0, MAX_CHANGES);
    const upperH = 30 + Math.max(1, shown.length) * 18 + (c.changes.length > MAX_CHANGES ? 18 : 0);
    s.boxes.push({
      id: 'ov-upper',
      x: 10,
      y,
      w: W,
      h: upperH,
      tone: 'plain',
      lines: [`${L.upperdir}: ${c.upperDir}`],
      mono: true,
      small: true,
      title: `${L.upperdir}: ${c.upperDir}`,
      reveal: [`docker diff ${c.name}`, `ls -la ${c.upperDir}`],
    });
    shown.forEach((ch, i) => {
      const pattern = changePattern[ch.kind];
      const parent = ch.path.replace(/\/[^/]*$/, '') || '/';
      s.boxes.push({
        id: `ov-change-${ch.path}`,
        x: 24,
        y: y + 24 + i * 18,
        w: W - 28,
        h: 16,
        tone: changeTone[ch.kind],
        ...(pattern ? { pattern } : {}),
        mono: true,
        small: true,
        lines: [`${ch.kind} ${ch.path} — ${changeWord[ch.kind]}${c.opaque.includes(ch.path) ? `, ${L.opaque}` : ''}`],
        title: `${changeWord[ch.kind]}: ${ch.path}`,
        reveal: ch.kind === 'D' ? [`docker diff ${c.name}`, `ls -l ${c.upperDir}${parent === '/' ? '' : parent}`] : [`docker diff ${c.name}`],
      });
    });
    if (!shown.length) s.labels.push({ x: 24, y: y + 38, text: L.noChanges, small: true });
    if (c.changes.length > MAX_CHANGES) s.labels.push({ x: 24, y: y + 36 + MAX_CHANGES * 18, text: `… +${c.changes.length - MAX_CHANGES}`, small: true });
    y += upperH + 8;
    const init = c.lowerDirs[0] ?? '';
    s.boxes.push({
      id: 'ov-init',
      x: 10,
      y,
      w: W,
      h: 24,
      tone: 'muted',
      lines: [`${L.lowerdir} 1 · ${L.initLayer}: ${cut(init, 100)}`],
      mono: true,
      small: true,
      title: `${L.lowerdir} 1, ${L.initLayer}: ${init}`,
      reveal: [`docker inspect --format '{{.GraphDriver.Data.LowerDir}}' ${c.name}`],
    });
    y += 32;
  } else {
    s.labels.push({ x: 10, y: 24, text: `${L.image} ${m.image}`, bold: true });
  }
  const rows = [...m.layers].reverse();
  rows.forEach((l, i) => {
    const n = m.layers.length - i;
    const box: Box = {
      id: `layer-${l.diffId}`,
      x: 10,
      y,
      w: W,
      h: 36,
      tone: 'host',
      mono: true,
      small: true,
      lines: [`${L.layer} ${n} · ${L.diffId} ${shortDigest(l.diffId)} · ${dsize(l.size)}${c ? ` · ${L.lowerdir} ${i + 2}` : ''}`, cut(l.createdBy, 150)],
      title: `${L.layer} ${n} ${L.diffId} ${l.diffId}, ${dsize(l.size)}: ${l.createdBy}`,
      reveal: [`docker history ${m.image}`, `docker image inspect --format '{{json .RootFS.Layers}}' ${m.image}`],
    };
    s.boxes.push(box);
    y += 42;
  });
  s.height = y + 40;
  s.legend.push({ tone: 'added', text: L.added }, { tone: 'copyup', pattern: 'dots', text: L.copyUp }, { tone: 'whiteout', pattern: 'cross', text: L.deleted });
  const whiteouts = c?.changes.filter((x) => x.kind === 'D').map((x) => x.path) ?? [];
  s.desc = `${m.image}: ${m.layers.length} ${L.layer}${c ? `; ${c.name} ${L.upperdir}: ${c.changes.length} ${L.change}, ${L.whiteout}: ${whiteouts.join(', ') || L.none}` : ''}`;
  s.tables.push({
    caption: `${L.image} ${m.image}`,
    head: [L.layer, L.diffId, L.size, L.instruction],
    rows: m.layers.map((l, i) => [String(i + 1), l.diffId, dsize(l.size), l.createdBy]),
  });
  if (c)
    s.tables.push({
      caption: `${L.container} ${c.name}: ${L.upperdir}`,
      head: [L.change, 'path', ''],
      rows: c.changes.map((ch) => [ch.kind, ch.path, changeWord[ch.kind]]),
    });
  return s;
}

export function layoutIdentity(m: IdentityModel, L: Labels): Scene {
  const s = scene('identity', L.identity, '');
  const colW = 232;
  const gap = 16;
  const col = (i: number) => 10 + i * (colW + gap);
  const r = m.reference;
  const heads = [L.reference, L.index, L.manifest, L.config];
  heads.forEach((h, i) => {
    s.labels.push({ x: col(i), y: 24, text: h, bold: true });
  });
  const image = r.text;
  s.boxes.push({
    id: 'id-ref',
    x: col(0),
    y: 36,
    w: colW,
    h: 92,
    tone: 'plain',
    mono: true,
    small: true,
    lines: [cut(r.text, 36), `${L.registry}: ${r.registry}`, `${L.repository}: ${r.repository}`, `${L.tag}: ${r.tag}`],
    title: `${L.reference} ${r.text}: ${L.registry} ${r.registry}, ${L.repository} ${r.repository}, ${L.tag} ${r.tag}`,
    reveal: [`docker images --digests ${image.split(':')[0] ?? image}`],
  });
  let y1 = 36;
  if (m.index) {
    s.boxes.push({
      id: 'id-index',
      x: col(1),
      y: y1,
      w: colW,
      h: 40,
      tone: 'plain',
      mono: true,
      small: true,
      lines: [`${L.digest}`, shortDigest(m.index.digest)],
      title: `${L.index} ${m.index.digest}`,
      reveal: [`docker images --digests`, `docker inspect --format '{{json .RepoDigests}}' ${image}`],
    });
    y1 += 46;
    for (const mf of m.index.manifests) {
      s.boxes.push({
        id: `id-index-${mf.digest}`,
        x: col(1) + 10,
        y: y1,
        w: colW - 10,
        h: 22,
        tone: mf.chosen ? 'new' : 'muted',
        ...(mf.chosen ? { pattern: 'hatch' as const } : {}),
        mono: true,
        small: true,
        lines: [`${mf.platform} ${shortDigest(mf.digest)}${mf.chosen ? ' ✓' : ''}`],
        title: `${L.platform} ${mf.platform}: ${L.manifest} ${mf.digest}${mf.chosen ? ` (${L.chosen})` : ''}`,
        reveal: [],
      });
      y1 += 26;
    }
    s.edges.push({ x1: col(0) + colW, y1: 60, x2: col(1), y2: 56 });
    s.edges.push({ x1: col(1) + colW, y1: 56, x2: col(2), y2: 56 });
  } else {
    s.labels.push({ x: col(1), y: 56, text: `— (${L.none})`, small: true });
    s.edges.push({ x1: col(0) + colW, y1: 60, x2: col(2), y2: 56, dashed: true });
  }
  s.boxes.push({
    id: 'id-manifest',
    x: col(2),
    y: 36,
    w: colW,
    h: 40,
    tone: 'plain',
    mono: true,
    small: true,
    lines: [m.manifest.platform, shortDigest(m.manifest.digest)],
    title: `${L.manifest} ${m.manifest.digest} (${L.platform} ${m.manifest.platform})`,
    reveal: [`docker images --digests`],
  });
  s.edges.push({ x1: col(2) + colW, y1: 56, x2: col(3), y2: 56 });
  s.boxes.push({
    id: 'id-config',
    x: col(3),
    y: 36,
    w: colW,
    h: 40 + 16 * Math.min(4, m.tags.length),
    tone: 'container',
    mono: true,
    small: true,
    lines: [shortDigest(m.config.imageId), ...m.tags.slice(0, 4).map((t) => `${L.tag}: ${t}`)],
    title: `${L.config} ${m.config.imageId}; ${L.tag}: ${m.tags.join(', ') || L.none}`,
    reveal: [`docker inspect --format '{{.Id}}' ${image}`, `docker images`],
  });
  let y = 36 + 40 + 16 * Math.min(4, m.tags.length) + 14;
  s.labels.push({ x: col(2), y: y + 10, text: `${L.layer} (${L.digest})`, bold: true });
  y += 18;
  m.layers.forEach((l, i) => {
    s.boxes.push({
      id: `id-layer-${l.digest}`,
      x: col(2),
      y,
      w: colW * 2 + gap,
      h: 20,
      tone: 'host',
      mono: true,
      small: true,
      lines: [`${i + 1}. ${shortDigest(l.digest)} → ${L.diffId} ${shortDigest(l.diffId)} · ${dsize(l.size)}`],
      title: `${L.layer} ${i + 1}: ${L.digest} ${l.digest}, ${L.diffId} ${l.diffId}`,
      reveal: [`docker image inspect --format '{{json .RootFS.Layers}}' ${image}`],
    });
    y += 24;
  });
  s.height = Math.max(y, y1) + 44;
  s.legend.push({ tone: 'new', pattern: 'hatch', text: L.chosen }, { tone: 'container', text: L.config });
  s.desc = `${r.text} → ${m.index ? `${L.index} ${m.index.digest} → ` : ''}${L.manifest} ${m.manifest.digest} → ${L.config} ${m.config.imageId}`;
  s.tables.push({
    caption: `${L.identity}: ${r.text}`,
    head: [L.level, L.value],
    rows: [
      [L.reference, `${r.registry}/${r.repository}:${r.tag}`],
      ...(m.index
        ? [[L.index, m.index.digest], ...m.index.manifests.map((mf) => [`${L.manifest} ${mf.platform}`, `${mf.digest}${mf.chosen ? ` (${L.chosen})` : ''}`])]
        : []),
      [`${L.manifest} (${m.manifest.platform})`, m.manifest.digest],
      [L.config, m.config.imageId],
      [L.tag, m.tags.join(', ') || L.none],
      ...m.layers.map((l, i) => [`${L.layer} ${i + 1}`, `${l.digest} (${L.diffId} ${l.diffId})`]),
    ],
  });
  return s;
}
