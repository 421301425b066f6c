/**
 * Monaco for the exercise editor, loaded only when a learner opens a manifest or
 * Dockerfile exercise (never at page load, never in Astro's prerender).
 *
 * Only the editor core, the contributions the exercises use (markers and the next/previous
 * marker keys, hover, quick fixes, find, suggestions, bracket matching, comments, Tab focus
 * mode, clipboard and word keys) and three languages (YAML, Dockerfile, shell) are bundled:
 * no context menu, folding, formatting, multi-cursor, word highlight or F1 help (issue #14:
 * the editor's bytes). What `editor.api.js` imports but the course editor cannot reach (the
 * diff editors, the quick input, the WebGPU renderer, tree-sitter, Go to Definition, the minimap) is left out
 * at build time (src/ui/editor/vite-monaco-trim.mjs), and the YAML worker runs on a slim base
 * (yaml-worker-start.ts).
 *
 * The second Monaco 0.57 fix lives here (the first is the Vite alias in astro.config.mjs):
 * since 0.55 `monaco.editor.createWebWorker` needs a ready `worker`, and no longer sends
 * `createData` through the worker protocol. monaco-yaml (via monaco-worker-manager) still
 * calls it with `{ moduleId, label, createData }`, so the adapter below creates the worker
 * through MonacoEnvironment.getWorker and replays the two messages the old protocol sent
 * (an initial message, then createData) before handing it to Monaco (monaco-yaml#272).
 */
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/browser/widget/codeEditor/codeEditorWidget.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon-modifiers.css';
import 'monaco-editor/esm/vs/languages/definitions/yaml/register.js';
import 'monaco-editor/esm/vs/languages/definitions/dockerfile/register.js';
import 'monaco-editor/esm/vs/languages/definitions/shell/register.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import { configureMonacoYaml } from 'monaco-yaml';
import { onEditorEscape } from './escape.ts';
import { kubernetesSchema } from './schema.ts';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';

export { monaco };

// Esc moves the focus out of the editor (issue #14: this came with the page before).
document.addEventListener('keydown', onEditorEscape);

declare global {
  // eslint-disable-next-line no-var
  var MonacoEnvironment: { getWorker(moduleId: string, label: string): Worker } | undefined;
}

globalThis.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker({ name: 'yaml' }) : new EditorWorker({ name: label || 'editor' });
  },
};

type CreateWebWorkerOptions = Parameters<typeof monaco.editor.createWebWorker>[0] & {
  moduleId?: string;
  label?: string;
  createData?: unknown;
};

const createWebWorker = monaco.editor.createWebWorker;
(monaco.editor as { createWebWorker: unknown }).createWebWorker = (opts: CreateWebWorkerOptions) => {
  if ('worker' in opts && opts.worker) return createWebWorker(opts);
  const worker = globalThis.MonacoEnvironment!.getWorker(opts.moduleId ?? '', opts.label ?? 'editor');
  worker.postMessage('ignore');
  worker.postMessage(opts.createData);
  return createWebWorker({ ...opts, worker } as Parameters<typeof monaco.editor.createWebWorker>[0]);
};

let yamlConfigured: Promise<void> | null = null;

/**
 * Gives YAML models the Kubernetes schema (schema.ts). Models that exist already are
 * validated too (monaco-marker-data-provider walks editor.getModels()), so the editor need
 * not wait for this.
 */
export function configureKubernetesYaml(schemaUrl: string): Promise<void> {
  yamlConfigured ??= kubernetesSchema(schemaUrl).then((schema) => {
    configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      hover: true,
      completion: true,
      validate: true,
      format: { enable: false }, // no Format Document: the YAML worker is built without Prettier (vite-yaml-worker.mjs)
      schemas: [{ uri: new URL(schemaUrl, location.href).href, fileMatch: ['**/*.yaml', '**/*.yml'], schema }],
    });
  });
  yamlConfigured.catch(() => {
    yamlConfigured = null;
  });
  return yamlConfigured;
}

export { languageOf } from '../exercise/text.ts';

export function themeFor(doc: Document): string {
  return doc.documentElement.dataset.theme === 'light' ? 'vs' : 'vs-dark';
}
