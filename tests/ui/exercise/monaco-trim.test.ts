/**
 * Issue #14: the Monaco stand-ins (src/ui/editor/vite-monaco-trim.mjs) and the YAML worker's slim
 * base (src/ui/editor/vite-yaml-worker.mjs, yaml-worker-start.ts). The e2e tests run the built
 * editor (tests/e2e/editor-features.spec.ts); these tests catch a Monaco update that moves or
 * changes what the stand-ins replace, before a build ships it.
 */
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONACO_STUBS, monacoStubFor, pureClasses } from '../../../src/ui/editor/vite-monaco-trim.mjs';
import { yamlWorkerSlimBase } from '../../../src/ui/editor/vite-yaml-worker.mjs';

const ROOT = join(import.meta.dirname, '../../..');
const VS = join(ROOT, 'node_modules/monaco-editor/esm/vs');

/** The names an ES module exports: Monaco's files end with one `export { a, b as c };` list. */
function exportsOf(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  for (const m of code.matchAll(/^export\s+(?:class|function|const|let)\s+([\w$]+)/gm)) names.add(m[1]!);
  return [...names].sort();
}

describe('the Monaco stand-ins', () => {
  const stubbed = Object.keys(MONACO_STUBS);

  it('each replaces a file monaco-editor still has', () => {
    expect(stubbed.filter((p) => !existsSync(join(VS, p)))).toEqual([]);
  });

  it('each exports what the real module exports (the list service: only IListService and ListService)', () => {
    for (const p of stubbed) {
      const real = exportsOf(readFileSync(join(VS, p), 'utf8'));
      const stub = exportsOf(monacoStubFor(join(VS, p))!);
      if (p === 'platform/list/browser/listService.js') expect(stub, p).toEqual(['IListService', 'ListService']);
      else expect(stub, p).toEqual(real);
      expect(real, p).toEqual(expect.arrayContaining(stub));
    }
  });

  it('a stand-in that is reached throws an Error naming what is missing', () => {
    const code = monacoStubFor(join(VS, 'editor/browser/widget/diffEditor/diffEditorWidget.js'))!;
    expect(code).toContain('throw new Error("The diff editor is not part of the course editor (src/ui/editor/vite-monaco-trim.mjs)")');
  });

  it('the minimap stand-in reads the option Monaco numbers 81 (EditorOption.minimap) and PartFingerprint 9 (Minimap)', () => {
    expect(readFileSync(join(VS, 'editor/common/config/editorOptions.js'), 'utf8')).toContain('super(81 /* EditorOption.minimap */');
    expect(readFileSync(join(VS, 'editor/browser/viewParts/minimap/minimap.js'), 'utf8')).toContain(
      'PartFingerprints.write(this._domNode, 9 /* PartFingerprint.Minimap */)',
    );
    expect(readFileSync(join(ROOT, 'src/ui/exercise/text-area.ts'), 'utf8')).toContain('minimap: { enabled: false }');
  });

  it("only Monaco's files are replaced", () => {
    expect(monacoStubFor(join(ROOT, 'src/ui/editor/monaco.ts'))).toBeNull();
    expect(monacoStubFor(join(VS, 'editor/editor.api.js'))).toBeNull();
  });

  it('the editor bundles with them (every import a bundled module makes from a stand-in resolves) and without what they replace', async () => {
    const r = await build({
      entryPoints: [join(ROOT, 'src/ui/editor/monaco.ts')],
      bundle: true,
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      outfile: join(ROOT, 'monaco-trim-test.js'),
      plugins: [
        {
          name: 'monaco-trim-test',
          setup(b) {
            b.onResolve({ filter: /\?worker$/ }, (a) => ({ path: a.path, external: true }));
            b.onResolve({ filter: /\.css$/ }, (a) => ({ path: a.path, namespace: 'css' }));
            b.onLoad({ filter: /.*/, namespace: 'css' }, () => ({ contents: '', loader: 'js' }));
            b.onResolve({ filter: /^monaco-editor\/esm\/vs\// }, (a) => ({ path: join(ROOT, 'node_modules', a.path) }));
            b.onLoad({ filter: /monaco-editor[\\/]esm[\\/]vs[\\/].*\.js$/ }, (a) => {
              const code = monacoStubFor(a.path);
              return code === null ? undefined : { contents: code, loader: 'js', resolveDir: join(a.path, '..') };
            });
          },
        },
      ],
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.text)).toEqual([]);
    const inputs = Object.keys(r.metafile.inputs).map((k) => k.replace(/^.*esm\/vs\//, ''));
    for (const gone of [
      'platform/quickinput/browser/quickInputController.js',
      'editor/browser/widget/diffEditor/components/accessibleDiffViewer.js',
      'editor/browser/gpu/atlas/textureAtlas.js',
      'editor/contrib/gotoSymbol/browser/goToCommands.js',
      'base/browser/ui/tree/abstractTree.js',
      'editor/common/diff/linesDiffComputers.js',
      'editor/browser/viewParts/minimap/minimapCharRenderer.js',
    ]) {
      expect(inputs, gone).not.toContain(gone);
    }
    // What the exercises use is still there.
    for (const kept of [
      'editor/contrib/hover/browser/hoverContribution.js',
      'editor/contrib/find/browser/findController.js',
      'platform/actionWidget/browser/actionList.js',
    ]) {
      expect(inputs, kept).toContain(kept);
    }
  }, 60_000);
});

describe('pure classes in strings.js', () => {
  const file = 'base/common/strings.js';
  const code = readFileSync(join(VS, file), 'utf8');

  it('the three table classes become pure class expressions, and nothing else changes', () => {
    const out = pureClasses(code, file, ['GraphemeBreakTree', 'AmbiguousCharacters', 'InvisibleCharacters']);
    for (const name of ['GraphemeBreakTree', 'AmbiguousCharacters', 'InvisibleCharacters']) {
      expect(out).toContain(`const ${name} = /*#__PURE__*/ (() => class ${name} {`);
    }
    expect(out.split('\n').length).toBe(code.split('\n').length);
    expect(out.match(/^\}\)\(\);$/gm)).toHaveLength(3);
  });

  it('a class that moved fails the build, naming it', () => {
    expect(() => pureClasses(code, file, ['NoSuchClass'])).toThrow('monaco-editor/esm/vs/base/common/strings.js no longer declares "class NoSuchClass {"');
  });
});

describe("the YAML worker's slim base", () => {
  const plugin = yamlWorkerSlimBase();
  const resolve = (source: string, importer?: string) =>
    (plugin.resolveId as (this: unknown, s: string, i?: string) => string | null).call({}, source, importer);
  const editorWorker = join(VS, 'editor/editor.worker.js');

  it("monaco-worker-manager's import of the editor worker resolves to yaml-worker-start.ts", () => {
    expect(resolve(editorWorker, join(ROOT, 'node_modules/monaco-worker-manager/worker.js'))).toBe(join(ROOT, 'src/ui/editor/yaml-worker-start.ts'));
    expect(resolve('monaco-editor/esm/vs/editor/editor.worker.js', join(ROOT, 'node_modules/monaco-worker-manager/worker.js'))).toBe(
      join(ROOT, 'src/ui/editor/yaml-worker-start.ts'),
    );
  });

  it("any other importer keeps Monaco's editor worker", () => {
    expect(resolve(editorWorker, join(ROOT, 'src/ui/editor/monaco.ts'))).toBeNull();
    expect(resolve(editorWorker)).toBeNull();
  });
});
