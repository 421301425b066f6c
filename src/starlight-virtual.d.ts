/**
 * Types for the one Starlight virtual module our Search.astro override imports. Starlight 0.42 does not ship
 * declarations for its virtual modules; this is the shape its integration writes
 * (withastro/starlight@0.42: packages/starlight/integrations/virtual-user-config.ts, "virtual:starlight/project-context").
 */
declare module 'virtual:starlight/project-context' {
  const project: {
    build: { format: 'file' | 'directory' | 'preserve' };
    root: string;
    srcDir: string;
    trailingSlash: 'always' | 'never' | 'ignore';
  };
  export default project;
}
