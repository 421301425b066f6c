// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserSafeDeps, patchDockerfileAst } from './src/ui/editor/vite-browser-safe.mjs';
import { yamlWorkerSlimBase, yamlWorkerWithoutPrettier } from './src/ui/editor/vite-yaml-worker.mjs';
import { zodEnglishOnly } from './src/ui/editor/vite-zod-english.mjs';
import { monacoTrim } from './src/ui/editor/vite-monaco-trim.mjs';
import { parsedRuleTable } from './src/ui/editor/vite-rule-table.mjs';
import { cspInlineScripts } from './src/integrations/csp-inline.mjs';
import { starlightListRule } from './src/ui/terminal/vite-list-rule.mjs';
import { justBashModules } from './src/ui/terminal/vite-just-bash.mjs';
import { sessionCompileHint } from './src/ui/terminal/vite-compile-hints.mjs';
import { workerChunks } from './src/ui/terminal/vite-worker-chunks.mjs';

// Lessons are folders named NN-slug under content/lessons; the sidebar lists them in
// that order and Starlight takes each label from the lesson's title in each locale.
const lessonSlugs = readdirSync(new URL('./content/lessons/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d{2}-/.test(d.name))
  .map((d) => `lessons/${d.name}`)
  .sort();

/**
 * Monaco's CSS imports → JS modules that add the CSS (`?inline`) as a <style> when Monaco loads.
 * @returns {import('vite').Plugin}
 */
function monacoCssOnDemand() {
  const PREFIX = '\0monaco-css:';
  return {
    name: 'container-course:monaco-css-on-demand',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.css') || !importer || !/monaco-editor|src\/ui\/editor/.test(importer)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || !/monaco-editor\/esm\/.*\.css$/.test(resolved.id)) return null;
      return `${PREFIX}${resolved.id}.js`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const css = JSON.stringify(`${id.slice(PREFIX.length, -'.js'.length)}?inline`);
      return `import css from ${css};\nconst s = document.createElement('style');\ns.textContent = css;\ndocument.head.append(s);\n`;
    },
  };
}

export default defineConfig({
  site: 'http://localhost:4321',
  // Starlight turns on Astro's prefetch (prefetchAll, on hover): its module was 1.1 KB gzip of every page's
  // at-load JavaScript (budget 10 KB, issue #14) and watched every change to the page (a MutationObserver on
  // the body, called for each row the terminal draws). The same hover prefetch is inline in Head.astro.
  prefetch: false,
  // Monaco 0.57 for the exercise editor (loaded only when a learner opens an exercise):
  // 1. its package `exports` maps `monaco-editor/*` to `esm/vs/*`, so the deep imports that
  //    monaco-yaml's worker makes (`monaco-editor/esm/vs/editor/editor.worker.js`) no longer
  //    resolve; alias them to the files. (The createWebWorker adapter, the second 0.57 fix,
  //    is in src/ui/editor/monaco.ts.)
  // 2. the editor and YAML workers are ES modules with code splitting.
  // 3. Monaco's own `import './x.css'` would make Astro link all its CSS (150 KB) into every
  //    lesson page at load; the plugin turns them into <style> tags added when Monaco loads.
  // 4. browserSafeDeps replaces the Node `Buffer` call in dockerfile-ast (the checker and the
  //    simulator's `docker build` parse Dockerfiles in the browser). Worker bundles get their
  //    own plugin list, and the dev server pre-bundles dependencies with rolldown, so the
  //    patch is listed three times.
  // 5. the YAML worker is built without Prettier (the editor does not format) and on a slim
  //    worker base, the model mirror without the editor worker's services
  //    (src/ui/editor/vite-yaml-worker.mjs, yaml-worker-start.ts).
  // 6. zod keeps its English messages only, not its 40 KB gzip of other locales, in the
  //    exercise panel and the grader worker (src/ui/editor/vite-zod-english.mjs).
  // 7. Monaco without the modules the course editor cannot reach: the diff editors, the quick
  //    input, the WebGPU renderer, tree-sitter, the workbench lists, the minimap (it is off)
  //    (src/ui/editor/vite-monaco-trim.mjs).
  // 8. the rule table parsed at build time, as data, so the grader worker loads no zod (its
  //    other schemas are built only where exercises are loaded) (src/ui/editor/vite-rule-table.mjs).
  // 9. Starlight's list-spacing rule without its `:has(~ :not(script))` branch, which made each of
  //    xterm's character measurements a whole-page style recalc (src/ui/terminal/vite-list-rule.mjs).
  // 10. the workers load just-bash's code-split ES modules, not its one-file browser bundle, so a first command
  //    compiles only the interpreter and the commands it runs (src/ui/terminal/vite-just-bash.mjs).
  // 11. the terminal's session chunk (xterm.js) compiled eagerly, off the main thread: V8's compile hint
  //    (src/ui/terminal/vite-compile-hints.mjs).
  // 12. the terminal's worker asks for every chunk its first command needs at once, from a list written into its entry
  //    at build time, not one import level at a time (src/ui/terminal/vite-worker-chunks.mjs).
  vite: {
    plugins: [monacoCssOnDemand(), monacoTrim(), browserSafeDeps(), zodEnglishOnly(), parsedRuleTable(), starlightListRule(), sessionCompileHint()],
    optimizeDeps: {
      rolldownOptions: {
        plugins: [{ name: 'container-course:browser-safe-deps-dev', transform: (code, id) => patchDockerfileAst(code, id) }],
      },
    },
    resolve: {
      alias: [
        {
          find: /^monaco-editor\/esm\/vs\/(.*)$/,
          replacement: `${fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))}$1`,
        },
      ],
    },
    worker: {
      format: 'es',
      plugins: () => [
        justBashModules(),
        workerChunks(),
        monacoTrim({ worker: true }),
        browserSafeDeps(),
        yamlWorkerWithoutPrettier(),
        yamlWorkerSlimBase(),
        zodEnglishOnly(),
        parsedRuleTable(),
      ],
    },
  },
  trailingSlash: 'ignore',
  // A Content-Security-Policy in a <meta http-equiv> on every page (issue 17). Astro hashes
  // every script it emits, bundled or inline (Starlight's theme and table-of-contents
  // scripts included), into script-src, so no inline script runs unless it was built here
  // (Astro hashes bundled scripts; src/integrations/csp-inline.mjs adds the is:inline ones).
  // - script-src: 'self' plus those hashes, and 'wasm-unsafe-eval' for Pagefind's WebAssembly;
  //   no 'unsafe-inline', no 'unsafe-eval'.
  // - style-src: 'unsafe-inline', because Monaco, xterm.js and Expressive Code set style
  //   attributes and add <style> elements at run time (Astro then emits no style hashes,
  //   which the browser would ignore next to 'unsafe-inline' anyway).
  // - worker-src 'self': the grader, Monaco's editor and YAML workers are same-origin module
  //   workers (no blob: workers).
  // - img-src data:: the CSS mask icons and the figures' SVG download links are data: URLs.
  // frame-ancestors, report-uri and sandbox have no effect in a <meta> policy (Chromium logs
  // an error for them), so a server that wants them sends them as a header (README).
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
  integrations: [
    starlight({
      title: { en: 'Container Course', 'zh-CN': '容器原理课程' },
      description: 'How containers really work: namespaces, cgroups, capabilities, images and Kubernetes security, practised in a simulated Linux host.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/course.css'],
      sidebar: [
        {
          label: 'Lessons',
          translations: { 'zh-CN': '课程' },
          items: lessonSlugs.map((slug) => ({ slug })),
        },
        {
          label: 'Glossary',
          translations: { 'zh-CN': '术语表' },
          link: '/glossary/',
        },
        {
          label: 'Sources',
          translations: { 'zh-CN': '参考资料' },
          link: '/sources/',
        },
      ],
      components: {
        TwoColumnContent: './src/components/TwoColumnContent.astro',
        Head: './src/components/Head.astro',
        Search: './src/components/Search.astro',
        PageTitle: './src/components/PageTitle.astro',
      },
      lastUpdated: false,
      // Wrap long lines: a scrolling block becomes an unnamed region, and two of those
      // on one page break axe's landmark-unique rule.
      // Lessons live in content/lessons/<slug>/index.<locale>.mdx, so Starlight cannot tell a
      // block's locale from its path; the file name says it (the copy button's tooltip).
      expressiveCode: {
        defaultProps: { wrap: true },
        getBlockLocale: ({ file }) => (/\.zh-cn\.mdx?$/.test(file.path) ? 'zh-CN' : 'en'),
      },
      pagination: true,
    }),
    // Hashes the inline scripts Astro leaves out of the policy, and puts the policy first.
    cspInlineScripts(),
  ],
});
