// @ts-check
/**
 * The YAML worker without Prettier (issue #14: the editor's bytes). monaco-yaml's worker
 * imports yaml-language-server's formatter, which statically imports Prettier's standalone
 * build and its YAML and estree plugins (about a third of the worker). The course's editor
 * does not offer "Format Document" (src/ui/editor/monaco.ts turns monaco-yaml's formatter
 * off, so the worker is never asked to format), so the worker bundle gets small stand-ins:
 * the plugins are empty modules, and `format` rejects, which the formatter catches and
 * answers with no edits (yaml-language-server's YAMLFormatter.format).
 */

import { fileURLToPath } from 'node:url';

const PREFIX = '\0cc-no-prettier:';
const WORKER = /[\\/]monaco-yaml[\\/]yaml\.worker\.js$/;
const STUBS = new Set(['prettier/standalone', 'prettier/plugins/yaml', 'prettier/plugins/estree']);

/** @returns {import('vite').Plugin} */
export function yamlWorkerWithoutPrettier() {
  return {
    name: 'container-course:yaml-worker-without-prettier',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!STUBS.has(source) || !importer || !WORKER.test(importer.split('?')[0] ?? importer)) return null;
      return PREFIX + source;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      if (id === `${PREFIX}prettier/standalone`) {
        return "export function format() {\n  return Promise.reject(new Error('formatting is not part of the course editor'));\n}\n";
      }
      return 'export {};\n';
    },
  };
}

const MANAGER = /[\\/]monaco-worker-manager[\\/]worker\.js$/;
const EDITOR_WORKER = /monaco-editor[\\/]esm[\\/]vs[\\/]editor[\\/]editor\.worker\.js$/;
const START = fileURLToPath(new URL('./yaml-worker-start.ts', import.meta.url));

/**
 * The YAML worker on a slim base (issue #14: the editor's bytes): monaco-worker-manager's
 * import of Monaco's editor worker resolves to src/ui/editor/yaml-worker-start.ts, the model
 * mirror and foreign-method protocol without the editor worker's own services (diff, links,
 * word suggestions, Unicode highlighting), which the main thread asks of the editor worker
 * only. Only monaco-worker-manager's import is redirected; the editor worker is unchanged.
 * @returns {import('vite').Plugin}
 */
export function yamlWorkerSlimBase() {
  return {
    name: 'container-course:yaml-worker-slim-base',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !MANAGER.test(importer.split('?')[0] ?? importer) || !EDITOR_WORKER.test(source)) return null;
      return START;
    },
  };
}
