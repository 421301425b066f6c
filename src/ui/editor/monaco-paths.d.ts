// Monaco 0.57's package `exports` hide the ESM files from TypeScript too; the Vite alias in
// astro.config.mjs resolves them at build time. Their API is the package's main API.
declare module 'monaco-editor/esm/vs/editor/editor.api.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-editor/esm/vs/*';
