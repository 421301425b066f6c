/** Starlight's virtual module with the site's Pagefind options (see Starlight's own Search.astro). */
declare module 'virtual:starlight/pagefind-config' {
  export const pagefindUserConfig: Record<string, unknown>;
}
