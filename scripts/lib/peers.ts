/**
 * The peers' figures for `npm run bench` (issue #14). Monaco alone is measured here, from
 * node_modules; the peers that need the network are printed as recorded, never as measured.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '../..');

export interface Bundled {
  name: string;
  files: number;
  raw: number;
  gzip: number;
}

/**
 * Monaco alone: an editor created from `entry` (the package's minimal `editor.api.js`, or
 * everything in `editor.main.js`) plus its editor worker, bundled as the site bundles its
 * editor (ES modules, code splitting, minified; the CSS and fonts are not JavaScript and not
 * counted), each JavaScript file gzip -9 as the pages' table counts them.
 */
async function monaco(name: string, entry: string): Promise<Bundled> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-monaco-'));
  try {
    const main = join(dir, 'main.js');
    writeFileSync(
      main,
      `import * as monaco from ${JSON.stringify(join(root, 'node_modules/monaco-editor/esm/vs/editor', entry))};\nself.MonacoEnvironment = { getWorker: () => new Worker(new URL('./editor.worker.js', import.meta.url), { type: 'module' }) };\nmonaco.editor.create(document.body, { value: 'apiVersion: v1\\n', language: 'yaml' });\n`,
    );
    const r = await build({
      entryPoints: { main, 'editor.worker': join(root, 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js') },
      absWorkingDir: root,
      nodePaths: [join(root, 'node_modules')],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outdir: join(dir, 'out'),
      write: false,
      loader: { '.css': 'empty', '.ttf': 'empty' },
      logLevel: 'error',
    });
    const js = r.outputFiles.filter((f) => f.path.endsWith('.js'));
    return {
      name,
      files: js.length,
      raw: js.reduce((n, f) => n + f.contents.length, 0),
      gzip: js.reduce((n, f) => n + gzipSync(f.contents, { level: 9 }).length, 0),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function monacoAlone(): Promise<Bundled[]> {
  return [
    await monaco('Monaco alone: editor.api.js (the minimal editor) + editor worker', 'editor.api.js'),
    await monaco('Monaco alone: editor.main.js (every feature and language) + editor worker', 'editor.main.js'),
  ];
}

/**
 * Peers that can only be measured with the network (the bench machine has none). ../shared/PEERS.md,
 * the peer research, records no byte figure for either; the one figure on record is issue #14's.
 */
export const RECORDED: { peer: string; figure: string; source: string }[] = [
  {
    peer: 'TutorialKit lesson page, after Start',
    figure: '413–429 KB gzip',
    source: 'recorded in issue #14 (measured by the session that filed it, date not given); not measured here',
  },
  {
    peer: "Learn Git Branching's page",
    figure: 'no figure on record',
    source: 'PEERS.md gives none (its source review is at pcottle/learnGitBranching 8a918c6, 2026-08-21); not measured here',
  },
];
