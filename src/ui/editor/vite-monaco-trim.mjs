// @ts-check
/**
 * Monaco without the parts the course editor cannot reach (issue #14: the editor's bytes).
 *
 * `editor.api.js` (the one entry monaco-editor 0.57 exposes for the standalone editor's API)
 * statically imports code the course's editor never runs: the diff editors, the quick input
 * (command palette, quick pick), the WebGPU renderer and tree-sitter highlighting. Each module
 * below is replaced by a stand-in with the same exports; the comment beside it says why the
 * real module is unreachable from src/ui/editor/monaco.ts and src/ui/exercise/text-area.ts. A
 * stand-in that is reached anyway throws an Error naming the module, so a change in Monaco or in
 * our use of it fails loudly (tests/ui/exercise/monaco-trim.test.ts checks each stand-in's
 * exports against the real module's, and the e2e tests run the editor).
 *
 * Side-effect imports of the replaced modules that other parts need (theme colour
 * registrations) are kept in the stand-in.
 */

const ROOT = /[\\/]node_modules[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]/;

/** @param {string} what */
const unreachable = (what) =>
  `function unreachable() {\n  throw new Error(${JSON.stringify(`${what} is not part of the course editor (src/ui/editor/vite-monaco-trim.mjs)`)});\n}\n`;

/** @param {string} name @param {string} what */
const throwingClass = (name, what) => `${unreachable(what)}export class ${name} {\n  constructor() {\n    unreachable();\n  }\n}\n`;

/**
 * Path under monaco-editor/esm/vs/ → stand-in source.
 * @type {Record<string, { why: string; code: string }>}
 */
export const MONACO_STUBS = {
  // Created only by monaco.editor.createDiffEditor (standaloneEditor.js `createDiffEditor`,
  // through StandaloneDiffEditor2, which extends it) and by the multi-file diff editor below.
  // The course creates code editors only (text-area.ts: monaco.editor.create).
  'editor/browser/widget/diffEditor/diffEditorWidget.js': {
    why: 'the diff editor (monaco.editor.createDiffEditor)',
    code: `${throwingClass('DiffEditorWidget', 'The diff editor')}export function toLineChanges() {\n  unreachable();\n}\n`,
  },
  // Created only by monaco.editor.createMultiFileDiffEditor (standaloneEditor.js).
  'editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js': {
    why: 'the multi-file diff editor (monaco.editor.createMultiFileDiffEditor)',
    code: throwingClass('MultiDiffEditorWidget', 'The multi-file diff editor'),
  },
  // The quick input widget. StandaloneQuickInputService (standalone/browser/quickInput/) creates
  // an EditorScopedQuickInputService, which extends this class, only when a command calls its
  // pick/input/createQuickPick/createInputBox. The commands of the bundled contributions that do
  // are bound to no key and shown in no menu: "Go to Match..." (find), "Change Tab Display Size"
  // and the other indentation pickers, "Paste As..." (copyPasteController; it picks only among
  // several paste providers, and the course registers none) and inline-completion snoozing. The
  // command palette (quickCommand) and Go to Line/Symbol (quickAccess) are not bundled.
  'platform/quickinput/browser/quickInputService.js': {
    why: 'the quick input (command palette, quick pick, input box)',
    code:
      // The colour registrations quickInputService.js imports for their side effects, kept:
      // the theme service defines a CSS variable for every registered colour.
      ['chartsColors', 'inputColors', 'listColors', 'menuColors', 'minimapColors', 'miscColors', 'quickpickColors', 'searchColors']
        .map((c) => `import '../../theme/common/colors/${c}.js';\n`)
        .join('') + throwingClass('QuickInputService', 'The quick input'),
  },
  // The WebGPU renderer. view.js creates ViewGpuContext, ViewLinesGpu, RulersGpu and
  // GpuMarkOverlay only when the editor option experimentalGpuAcceleration is 'on'; its default
  // is 'off' (common/config/editorOptions.js) and text-area.ts does not set it.
  'editor/browser/gpu/viewGpuContext.js': { why: 'the WebGPU renderer', code: throwingClass('ViewGpuContext', 'The WebGPU renderer') },
  'editor/browser/viewParts/viewLinesGpu/viewLinesGpu.js': { why: 'the WebGPU renderer', code: throwingClass('ViewLinesGpu', 'The WebGPU renderer') },
  'editor/browser/viewParts/rulersGpu/rulersGpu.js': { why: 'the WebGPU renderer', code: throwingClass('RulersGpu', 'The WebGPU renderer') },
  'editor/browser/viewParts/gpuMark/gpuMark.js': { why: 'the WebGPU renderer', code: throwingClass('GpuMarkOverlay', 'The WebGPU renderer') },

  // The hover (hoverContribution.js, bundled) names three hover parts of contributions that are
  // not bundled: colour decorators (colorPicker/colorPickerContribution.js registers the colour
  // hover participant, colorDetector.js draws the decorators), inlay hints
  // (inlayHints/inlayHintsContribution.js registers InlayHintsHover) and inline completions
  // (inlineCompletions.contribution.js creates the hints widget). It uses them only in
  // `instanceof` tests, in a static flag and in isOnColorDecorator, which compares the hovered
  // injected text with a marker object that only colorDetector's decorations carry. Without
  // those contributions no such object exists, so each test is false: the stand-ins give the
  // same answers without the code.
  'editor/contrib/colorPicker/browser/hoverColorPicker/hoverColorPicker.js': {
    why: 'colour decorators (no colour provider, no colorDetector)',
    code: 'export function isOnColorDecorator() {\n  return false;\n}\n',
  },
  'editor/contrib/colorPicker/browser/hoverColorPicker/hoverColorPickerParticipant.js': {
    why: 'the colour picker hover (colorPickerContribution.js is not bundled)',
    code: `${throwingClass('HoverColorPickerParticipant', 'The colour picker hover')}export class ColorHover {\n  constructor() {\n    unreachable();\n  }\n}\n`,
  },
  'editor/contrib/inlayHints/browser/inlayHintsHover.js': {
    why: 'the inlay hints hover (inlayHintsContribution.js is not bundled)',
    code: throwingClass('InlayHintsHover', 'The inlay hints hover'),
  },
  'editor/contrib/inlineCompletions/browser/hintsWidget/inlineCompletionsHintsWidget.js': {
    why: 'the inline completions hints widget (inlineCompletions.contribution.js is not bundled)',
    code:
      throwingClass('InlineCompletionsHintsWidget', 'The inline completions hints widget') +
      'export class InlineSuggestionHintsContentWidget {\n  static get dropDownVisible() {\n    return false;\n  }\n  constructor() {\n    unreachable();\n  }\n}\n' +
      'export class CustomizedMenuWorkbenchToolBar {\n  constructor() {\n    unreachable();\n  }\n}\n',
  },
  // Go to Definition (F12, Ctrl+click, peek): hoverActions.js imports this contribution only for
  // "Show Definition Preview Hover" (no key, no menu), which returns when `get(editor)` is null.
  // The real module would also register Ctrl+click and, through goToCommands.js, F12 and the
  // references peek; the course editor leaves gotoSymbol out (see monaco.ts), and this keeps it
  // out. (monaco-yaml's definition provider, for YAML aliases, is then unused.)
  'editor/contrib/gotoSymbol/browser/link/goToDefinitionAtPosition.js': {
    why: "Go to Definition (gotoSymbol is not one of the course editor's contributions)",
    code: "export class GotoDefinitionAtPositionEditorContribution {\n  static ID = 'editor.contrib.gotodefinitionatposition';\n  static get() {\n    return null;\n  }\n}\n",
  },
  // The editor worker's services run in a Web Worker (MonacoEnvironment.getWorker in monaco.ts).
  // editorWorkerService.js imports EditorWorker only for its fallback: when that worker cannot be
  // created or does not answer its first ping, Monaco runs the worker's code in the page
  // (EditorWorkerClient._createFallbackLocalWorker). The course editor cannot work in such a
  // browser anyway (its checker is a Web Worker too: src/ui/exercise/grader.ts), so it has no
  // in-page fallback: the stand-in throws, and the word suggestions and links that asked get an
  // error instead of an answer, as they would from a dead worker. This also leaves out the diff
  // computers, the link computer and the Unicode highlighter's tables from the page. The editor
  // worker itself (its own bundle) keeps the real module: the worker builds get only the
  // transform below (monacoTrim({ worker: true })).
  'editor/common/services/editorWebWorker.js': {
    why: 'the in-page fallback of the editor worker',
    code: throwingClass('EditorWorker', "Monaco's editor worker did not start, and the in-page fallback"),
  },
  // The minimap. view.js always creates this view part, and with the minimap off it draws
  // nothing: InnerMinimap.render returns at once when renderMinimap is 0, leaving an empty,
  // zero-width, aria-hidden node. text-area.ts creates every editor with minimap.enabled false
  // and never turns it on; the stand-in is that empty node, and it throws if the option is ever
  // on (81 is EditorOption.minimap in monaco-editor 0.57, checked by the unit test).
  'editor/browser/viewParts/minimap/minimap.js': {
    why: 'the minimap (text-area.ts turns it off)',
    code: `import { createFastDomNode } from '../../../../base/browser/fastDomNode.js';
import { ViewPart, PartFingerprints } from '../../view/viewPart.js';
${unreachable('The minimap (minimap.enabled)')}const MINIMAP = 81;
function off(context) {
  if (context.configuration.options.get(MINIMAP).enabled) unreachable();
}
export class Minimap extends ViewPart {
  constructor(context) {
    super(context);
    off(context);
    this._domNode = createFastDomNode(document.createElement('div'));
    PartFingerprints.write(this._domNode, 9);
    this._domNode.setClassName('minimap slider-mouseover');
    this._domNode.setPosition('absolute');
    this._domNode.setAttribute('role', 'presentation');
    this._domNode.setAttribute('aria-hidden', 'true');
  }
  getDomNode() {
    return this._domNode;
  }
  onConfigurationChanged() {
    off(this._context);
    return false;
  }
  prepareRender() {}
  render() {}
}
`,
  },
  // Tree-sitter highlighting. tokenizationTextModelPart.js creates this backend only when
  // ITreeSitterLibraryService.supportsLanguage() is true, and the standalone service
  // (standalone/browser/standaloneTreeSitterLibraryService.js) always answers false.
  'editor/common/model/tokens/treeSitter/treeSitterSyntaxTokenBackend.js': {
    why: 'tree-sitter highlighting (the standalone editor supports no tree-sitter language)',
    code: throwingClass('TreeSitterSyntaxTokenBackend', 'Tree-sitter highlighting'),
  },
  // The list service's module also holds the workbench's list and tree widgets (WorkbenchList,
  // WorkbenchAsyncDataTree, WorkbenchTable, ...) and, through them, the tree, table and split
  // view widgets. Once the references peek is out (Go to Definition, above), only
  // standaloneServices.js imports it, for IListService and ListService, an eager singleton that
  // lists the workbench widgets; none is ever created. The stand-in keeps those two exports: the
  // service class is monaco-editor 0.57's own (platform/list/browser/listService.js, MIT).
  'platform/list/browser/listService.js': {
    why: 'the workbench list and tree widgets',
    code: `import { isActiveElement } from '../../../base/browser/dom.js';
import { DisposableStore, combinedDisposable, toDisposable } from '../../../base/common/lifecycle.js';
import { createDecorator } from '../../instantiation/common/instantiation.js';
export const IListService = createDecorator('listService');
export class ListService {
  get lastFocusedList() {
    return this._lastFocusedWidget;
  }
  constructor() {
    this.disposables = new DisposableStore();
    this.lists = [];
    this._lastFocusedWidget = undefined;
  }
  setLastFocusedList(widget) {
    if (widget === this._lastFocusedWidget) return;
    this._lastFocusedWidget?.getHTMLElement().classList.remove('last-focused');
    this._lastFocusedWidget = widget;
    this._lastFocusedWidget?.getHTMLElement().classList.add('last-focused');
  }
  register(widget, extraContextKeys) {
    if (this.lists.some((l) => l.widget === widget)) throw new Error('Cannot register the same widget multiple times');
    const registeredList = { widget, extraContextKeys };
    this.lists.push(registeredList);
    if (isActiveElement(widget.getHTMLElement())) this.setLastFocusedList(widget);
    return combinedDisposable(
      widget.onDidFocus(() => this.setLastFocusedList(widget)),
      toDisposable(() => this.lists.splice(this.lists.indexOf(registeredList), 1)),
      widget.onDidDispose(() => {
        this.lists = this.lists.filter((l) => l !== registeredList);
        if (this._lastFocusedWidget === widget) this.setLastFocusedList(undefined);
      }),
    );
  }
  dispose() {
    this.disposables.dispose();
  }
}
`,
  },
};

/**
 * Classes whose static blocks hold large lazily parsed tables, in base/common/strings.js: the
 * grapheme break tree (27 KB of data), the Unicode confusables (20 KB) and the invisible
 * characters. A bundler keeps a class with a `static { }` block even when nothing uses it (the
 * block might have side effects), so the tables ship in every chunk that imports anything from
 * strings.js. Their blocks only create `Lazy` and `LRUCachedFunction` objects, so each class is
 * rewritten as a pure class expression: kept where it is used (the editor's cursor needs the
 * grapheme tree), dropped where it is not (the confusables serve only the Unicode highlighter,
 * which the course editor does not bundle; the YAML worker uses none of the three).
 */
const PURE_CLASSES = { 'base/common/strings.js': ['GraphemeBreakTree', 'AmbiguousCharacters', 'InvisibleCharacters'] };

/**
 * @param {string} code
 * @param {string} file
 * @param {string[]} names
 */
export function pureClasses(code, file, names) {
  const lines = code.split('\n');
  for (const name of names) {
    const start = lines.indexOf(`class ${name} {`);
    const end = start < 0 ? -1 : lines.indexOf('}', start);
    // A Monaco update that moves these classes fails the build here instead of shipping them unseen.
    if (start < 0 || end < 0) throw new Error(`vite-monaco-trim: monaco-editor/esm/vs/${file} no longer declares "class ${name} {" at the start of a line`);
    lines[start] = `const ${name} = /*#__PURE__*/ (() => class ${name} {`;
    lines[end] = '})();';
  }
  return lines.join('\n');
}

/** @param {string} id */
function relativeToMonaco(id) {
  const clean = id.split('?')[0] ?? id;
  const m = ROOT.exec(clean);
  return m ? clean.slice(m.index + m[0].length).replace(/\\/g, '/') : null;
}

/** @param {string} id */
export function monacoStubFor(id) {
  const rel = relativeToMonaco(id);
  return rel && Object.hasOwn(MONACO_STUBS, rel) ? (MONACO_STUBS[rel]?.code ?? null) : null;
}

/**
 * @param {{ worker?: boolean }} [options] worker: a worker bundle's copy, which keeps every module
 *   (the editor worker needs editorWebWorker.js) and makes only the pure-class rewrite.
 * @returns {import('vite').Plugin}
 */
export function monacoTrim(options = {}) {
  return {
    name: 'container-course:monaco-trim',
    enforce: 'pre',
    load(id) {
      return options.worker ? null : monacoStubFor(id);
    },
    transform(code, id) {
      const rel = relativeToMonaco(id);
      if (!rel || !Object.hasOwn(PURE_CLASSES, rel)) return null;
      return { code: pureClasses(code, rel, PURE_CLASSES[/** @type {keyof typeof PURE_CLASSES} */ (rel)]), map: null };
    },
  };
}
