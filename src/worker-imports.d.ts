/**
 * Vite's `?worker` import of monaco-yaml's worker. Vite's client types declare `*?worker` constructors that take
 * `{ name }`, but the specifier also matches monaco-yaml's own package types, which win and take no options.
 * This exact declaration restores Vite's shape (vite: packages/vite/client.d.ts, "*?worker").
 */
declare module 'monaco-yaml/yaml.worker.js?worker' {
  const YamlWorker: new (options?: { name?: string }) => Worker;
  export default YamlWorker;
}
