/**
 * The base of the YAML worker, in place of monaco-editor's `editor.worker.js` (issue #14: the
 * editor's bytes; the YAML worker's build resolves monaco-worker-manager's import of
 * `monaco-editor/esm/vs/editor/editor.worker.js` here, src/ui/editor/vite-yaml-worker.mjs).
 *
 * Monaco's worker base is the editor worker: the text model mirror and the foreign-module
 * call (`$fmr`) that a language worker such as monaco-yaml's needs, plus the editor's own
 * services (diff, links, word suggestions, Unicode highlighting, document colours, section
 * headers), about half of the YAML worker's bytes. The main thread asks a worker made with
 * `monaco.editor.createWebWorker` for the first part only: MonacoWebWorker
 * (standalone/browser/standaloneWebWorker.js) pings it, mirrors models into it and calls the
 * foreign module; the editor's services go to the editor worker, which keeps Monaco's base
 * (MonacoEnvironment.getWorker in monaco.ts).
 *
 * This file is monaco-editor 0.57's `internal/common/initialize.js`, `editor.worker.start.js`
 * and the model-mirroring part of `editor/common/services/editorWebWorker.js` (MIT), with the
 * same protocol and the same Monaco modules for it.
 */
import { initialize as bootstrap } from 'monaco-editor/esm/vs/base/common/worker/webWorkerBootstrap.js';
import { EditorWorkerHost } from 'monaco-editor/esm/vs/editor/common/services/editorWorkerHost.js';
import { WorkerTextModelSyncServer } from 'monaco-editor/esm/vs/editor/common/services/textModelSync/textModelSync.impl.js';

type Foreign = Record<string, unknown>;
interface MirrorModel {
  uri: unknown;
  version: number;
  getValue(): string;
}
interface Context {
  host: Record<string, (...args: unknown[]) => Promise<unknown>>;
  getMirrorModels(): MirrorModel[];
}

/** editorWebWorker.js's EditorWorker without the editor's own services. */
class LanguageWorker {
  readonly _requestHandlerBrand = undefined;
  private readonly sync = new WorkerTextModelSyncServer();

  constructor(private readonly foreign: Foreign | null) {}

  dispose(): void {}

  async $ping(): Promise<string> {
    return 'pong';
  }

  getModels(): MirrorModel[] {
    return this.sync.getModels();
  }

  $acceptNewModel(data: unknown): void {
    this.sync.$acceptNewModel(data);
  }

  $acceptModelChanged(uri: string, e: unknown): void {
    this.sync.$acceptModelChanged(uri, e);
  }

  $acceptRemovedModel(uri: string): void {
    this.sync.$acceptRemovedModel(uri);
  }

  /** A foreign method request: the language worker's own method (doValidation, doHover, ...). */
  $fmr(method: string, args: unknown[]): Promise<unknown> {
    const fn = this.foreign?.[method];
    if (typeof fn !== 'function') return Promise.reject(new Error(`Missing requestHandler or method: ${method}`));
    try {
      return Promise.resolve(fn.apply(this.foreign, args));
    } catch (e) {
      return Promise.reject(e);
    }
  }
}

/** editor.worker.start.js `start`. */
function start(createClient: (ctx: Context) => Foreign): void {
  const server = bootstrap((workerServer: { getChannel(name: string): { $fhr(method: string, args: unknown[]): Promise<unknown> } }) => {
    const channel = EditorWorkerHost.getChannel(workerServer);
    const host = new Proxy(
      {},
      {
        get(_target, prop) {
          // Not forwarded when the proxy is returned from an async function and the runtime tries `.then`.
          if (prop === 'then') return undefined;
          if (typeof prop !== 'string') throw new Error('Not supported');
          return (...args: unknown[]) => channel.$fhr(prop, args);
        },
      },
    ) as Context['host'];
    const ctx: Context = { host, getMirrorModels: () => (server.requestHandler as LanguageWorker).getModels() };
    return new LanguageWorker(createClient(ctx));
  });
}

let initialized = false;

/** internal/common/initialize.js `initialize`: the first message carries the worker's createData. */
export function initialize(callback: (ctx: Context, createData: unknown) => Foreign): void {
  initialized = true;
  self.onmessage = (m: MessageEvent) => {
    start((ctx) => callback(ctx, m.data));
  };
}

export function isWorkerInitialized(): boolean {
  return initialized;
}
