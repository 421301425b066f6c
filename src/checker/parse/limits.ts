/** Bounds that keep every check fast and small, whatever the input. */
export const LIMITS = {
  /** Bytes of one input file (issue #17: 1 MiB a file). */
  maxBytes: 1024 * 1024,
  /** YAML aliases expanded per document (billion-laughs guard, yaml's maxAliasCount). */
  maxAliasCount: 100,
  /** Nodes that alias expansion may add to one document (a list aliased 40 times counts 40 times). */
  maxAliasNodes: 10_000,
  /** Nesting depth of YAML collections. */
  maxDepth: 64,
  /** YAML documents per file. */
  maxDocuments: 500,
  /** Lines of one Dockerfile (the parser's cost grows with lines, and no real Dockerfile comes near). */
  maxDockerfileLines: 10_000,
  /** Heredocs (`<<EOF`) in one Dockerfile. */
  maxHeredocs: 500,
  /** Findings reported per file; past it, one error says how many there were. */
  maxFindingsPerFile: 1000,
  /** Input errors reported per file; past it, one more error says how many there were. */
  maxErrorsPerFile: 100,
  /** Characters of a value quoted inside a message (the finding keeps the whole value). */
  maxQuotedChars: 200,
} as const;
