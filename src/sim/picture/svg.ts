/**
 * Scene → SVG text. Pure string output: Astro inlines it at build time, the live tab
 * sets it as innerHTML. Colours are CSS variables with fallbacks (light theme), so the
 * page's theme recolours an inline figure and a downloaded file still has colours;
 * every tone also has a pattern or a word, never colour alone. The fallbacks are the
 * light theme of src/components/mdx/figure-theme.css, value for value (a test holds them
 * equal). Text over a pattern has a halo in its box's fill, so a pattern line never runs
 * through a glyph: in the dark theme the lines are light, like the text, and would cut its
 * contrast to about 3:1.
 */
import { textWidth, type Scene, type Tone } from './scene.ts';

export interface SvgOptions {
  /** Prefix for ids inside the SVG (patterns, title): unique per figure on a page. */
  idPrefix: string;
  /** Live form: nodes are focusable buttons (tabindex, role, data-node). */
  interactive?: boolean;
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const SPECIAL = /[&<>"]/;
const esc = (s: string) => (SPECIAL.test(s) ? s.replace(/[&<>"]/g, (c) => ENTITY[c] as string) : s);

/** Fill and stroke per tone: a CSS variable (set by the page's theme) with a light-theme fallback. */
const TONES: Record<Tone, [string, string]> = {
  plain: ['var(--cc-fig-plain, #ffffff)', 'var(--cc-fig-line, #5b6470)'],
  host: ['var(--cc-fig-host, #eef2f6)', 'var(--cc-fig-line, #5b6470)'],
  new: ['var(--cc-fig-new, #dff3e4)', 'var(--cc-fig-new-line, #1e7a3c)'],
  container: ['var(--cc-fig-ctr, #e3eefc)', 'var(--cc-fig-ctr-line, #1f5fbf)'],
  warn: ['var(--cc-fig-warn, #fde8e4)', 'var(--cc-fig-warn-line, #b3261e)'],
  added: ['var(--cc-fig-new, #dff3e4)', 'var(--cc-fig-new-line, #1e7a3c)'],
  copyup: ['var(--cc-fig-ctr, #e3eefc)', 'var(--cc-fig-ctr-line, #1f5fbf)'],
  whiteout: ['var(--cc-fig-warn, #fde8e4)', 'var(--cc-fig-warn-line, #b3261e)'],
  on: ['var(--cc-fig-on, #1f5fbf)', 'var(--cc-fig-on, #1f5fbf)'],
  off: ['var(--cc-fig-plain, #ffffff)', 'var(--cc-fig-faint, #8a939d)'],
  dropped: ['var(--cc-fig-warn, #fde8e4)', 'var(--cc-fig-warn-line, #b3261e)'],
  muted: ['var(--cc-fig-host, #eef2f6)', 'var(--cc-fig-faint, #8a939d)'],
  frame: ['none', 'var(--cc-fig-line, #5b6470)'],
};
const INK = 'var(--cc-fig-ink, #1b1f24)';
const INK_ON = 'var(--cc-fig-ink-on, #ffffff)';

function patterns(p: string): string {
  const line = 'var(--cc-fig-ink, #1b1f24)';
  return (
    `<defs>` +
    `<pattern id="${p}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="${line}" stroke-width="1" stroke-opacity="0.35"/></pattern>` +
    `<pattern id="${p}-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1" fill="${line}" fill-opacity="0.45"/></pattern>` +
    `<pattern id="${p}-cross" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 0L8 8M8 0L0 8" stroke="${line}" stroke-width="1" stroke-opacity="0.4"/></pattern>` +
    `<marker id="${p}-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L8 4L0 8z" fill="${line}"/></marker>` +
    `</defs>`
  );
}

/** The SVG of a scene, with <title> and <desc>, a legend row, and one <g> per node. */
export function renderSvg(s: Scene, opts: SvgOptions): string {
  const p = opts.idPrefix;
  const legendY = s.height - 22;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s.width} ${s.height}" width="${s.width}" height="${s.height}" role="${opts.interactive ? 'group' : 'img'}" aria-labelledby="${p}-title ${p}-desc" class="cc-fig__svg" data-view="${esc(s.view)}" font-family="ui-sans-serif, system-ui, sans-serif" font-size="12" fill="${INK}">`,
  );
  out.push(`<title id="${p}-title">${esc(s.title)}</title><desc id="${p}-desc">${esc(s.desc)}</desc>`);
  out.push('<style>svg.cc-fig__svg .cc-m{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}svg.cc-fig__svg .cc-s{font-size:10.5px}</style>');
  out.push(patterns(p));
  out.push(`<rect x="0" y="0" width="${s.width}" height="${s.height}" fill="var(--cc-fig-bg, #ffffff)"/>`);
  for (const e of s.edges) {
    out.push(
      `<line x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}" stroke="var(--cc-fig-line, #5b6470)" stroke-width="1.5"${e.dashed ? ' stroke-dasharray="4 3"' : ''}${e.x1 !== e.x2 ? ` marker-end="url(#${p}-arrow)"` : ''}/>`,
    );
    if (e.label)
      out.push(`<text x="${Math.round(e.x1 + (e.x2 - e.x1) * 0.55) + 4}" y="${Math.round(e.y1 + (e.y2 - e.y1) * 0.55)}" font-size="10">${esc(e.label)}</text>`);
  }
  for (const b of s.boxes) {
    const [fill, stroke] = TONES[b.tone];
    const node = b.reveal.length > 0;
    const attrs = opts.interactive && node ? ` tabindex="-1" role="button" data-node="${esc(b.id)}" aria-label="${esc(b.title)}"` : '';
    out.push(`<g class="cc-fig__node cc-fig__${b.tone}"${attrs}>`);
    if (b.title) out.push(`<title>${esc(b.title)}</title>`);
    out.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="3" fill="${fill}" stroke="${stroke}"${b.tone === 'frame' ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    if (b.pattern) out.push(`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="3" fill="url(#${p}-${b.pattern})" stroke="none"/>`);
    const size = b.small ? 10.5 : 12;
    const cls = [b.mono ? 'cc-m' : '', b.small ? 'cc-s' : ''].filter(Boolean).join(' ');
    const halo = b.pattern ? ` stroke="${fill}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"` : '';
    b.lines.forEach((line, i) => {
      const x = b.center ? b.x + b.w / 2 : b.x + 6;
      const y = Math.round((b.lines.length === 1 && b.h <= 30 ? b.y + b.h / 2 + size / 2.8 : b.y + 14 + i * (size + 3)) * 10) / 10;
      out.push(
        `<text x="${x}" y="${y}"${cls ? ` class="${cls}"` : ''}${b.tone === 'on' ? ` fill="${INK_ON}"` : ''}${halo}${b.center ? ' text-anchor="middle"' : ''}${i === 0 && !b.small ? ' font-weight="600"' : ''}>${esc(line)}</text>`,
      );
    });
    out.push('</g>');
  }
  for (const l of s.labels) {
    out.push(
      `<text x="${l.x}" y="${l.y}"${l.small ? ' class="cc-s"' : ''}${l.anchor ? ` text-anchor="${l.anchor}"` : ''}${l.bold ? ' font-weight="600"' : ''}>${esc(l.text)}</text>`,
    );
  }
  let x = 10;
  for (const item of s.legend) {
    const [fill, stroke] = TONES[item.tone];
    out.push(`<rect x="${x}" y="${legendY}" width="16" height="12" fill="${fill}" stroke="${stroke}"/>`);
    if (item.pattern) out.push(`<rect x="${x}" y="${legendY}" width="16" height="12" fill="url(#${p}-${item.pattern})"/>`);
    out.push(`<text x="${x + 22}" y="${legendY + 10}" font-size="11">${esc(item.text)}</text>`);
    x = Math.round((x + 34 + textWidth(item.text, 11, 6.4)) * 10) / 10; // legend text is 11px: a CJK character takes 11, a Latin one about 6.4
  }
  out.push('</svg>');
  return out.join('');
}
