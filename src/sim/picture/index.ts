/**
 * Pictures of the machine: `WorldSnapshot` → model (model.ts) → scene (layout-*.ts)
 * → SVG (svg.ts) and the same facts as HTML tables (altHtml). Pure: used by
 * `<Figure/>` at build time and by the live Picture tab in the browser.
 */
import type { WorldSnapshot } from '../api.ts';
import type { Labels } from './labels.ts';
import { layoutCapabilities, layoutCgroups, layoutProcesses } from './layout-kernel.ts';
import { layoutNetworks } from './layout-net.ts';
import { layoutIdentity, layoutLayers } from './layout-storage.ts';
import { buildModel } from './model.ts';
import { layoutPods } from './layout-pods.ts';
import type { Focus, PictureModel, ViewName } from './model-types.ts';
import type { Scene } from './scene.ts';
import { renderSvg, type SvgOptions } from './svg.ts';

export { buildModel } from './model.ts';
export { VIEWS, PictureError, type Focus, type PictureModel, type ViewName } from './model-types.ts';
export { labelsFor, type Labels, type Locale, type GlossaryTerm } from './labels.ts';
export type { Scene, Box } from './scene.ts';

/** The scene of a model. */
export function layout(model: PictureModel, labels: Labels): Scene {
  switch (model.view) {
    case 'processes':
      return layoutProcesses(model, labels);
    case 'cgroups':
      return layoutCgroups(model, labels);
    case 'capabilities':
      return layoutCapabilities(model, labels);
    case 'layers':
      return layoutLayers(model, labels);
    case 'identity':
      return layoutIdentity(model, labels);
    case 'networks':
      return layoutNetworks(model, labels);
    case 'pods':
      return layoutPods(model, labels);
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The text alternative: the scene's tables as HTML (a screen reader reads them cell by cell). */
export function altHtml(s: Scene): string {
  return s.tables
    .map(
      (t) =>
        `<table><caption>${esc(t.caption)}</caption><thead><tr>${t.head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>` +
        `<tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
    )
    .join('');
}

export interface Picture {
  model: PictureModel;
  scene: Scene;
  svg: string;
  alt: string;
}

/** Everything a figure needs, from one snapshot. */
export function picture(snap: WorldSnapshot, view: ViewName, labels: Labels, opts: SvgOptions & { focus?: Focus }): Picture {
  const model = buildModel(snap, view, opts.focus ?? {});
  const scene = layout(model, labels);
  return { model, scene, svg: renderSvg(scene, opts), alt: altHtml(scene) };
}
