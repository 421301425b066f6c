/** Bounds that keep every check fast and small, whatever the input. */
export const LIMITS = {
  /** Bytes of one input file. */
  maxBytes: 2 * 1024 * 1024,
  /** YAML aliases expanded per document (billion-laughs guard). */
  maxAliasCount: 100,
  /** Nesting depth of YAML collections. */
  maxDepth: 64,
  /** YAML documents per file. */
  maxDocuments: 500,
} as const;
