/** Shared types of the checker. Pure TypeScript: no DOM, no Node built-ins. */

export type Locale = 'en' | 'zh-cn';

/** A text in both course languages. */
export interface Text {
  en: string;
  'zh-cn': string;
}

export type Severity = 'error' | 'warning' | 'info';

/** Where an effective value came from. */
export interface Origin {
  /** `container`: set on the container; `pod`: inherited from the pod spec; `default`: Kubernetes' default; `image`: the Dockerfile. */
  from: 'container' | 'pod' | 'default' | 'image';
  /** JSON pointer of the field that set it (absent for defaults). */
  path?: string;
  line?: number;
}

/** One operation of a suggested fix, as JSON Patch over the document; the editor applies it with `applyFix`. */
export interface FixOp {
  op: 'add' | 'replace' | 'remove';
  /** JSON pointer within the YAML document (or the List item) the finding is in. */
  path: string;
  value?: unknown;
}

export interface Fix {
  description: Text;
  /** Index of the YAML document in the file (0-based). */
  document: number;
  ops: FixOp[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: Text;
  remediation: Text;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** JSON pointer of the offending field within its YAML document (for Dockerfiles: `/instructions/N`). */
  path: string;
  object?: { kind: string; name: string };
  container?: string;
  value?: unknown;
  origin?: Origin;
  fix?: Fix;
  /** For Pod Security findings: the level and version judged at, e.g. "restricted:latest". */
  pss?: string;
}

/** A problem reading the input itself (bad YAML, too large, binary …). */
export interface InputError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface FileResult {
  file: string;
  kind: 'manifest' | 'dockerfile';
  passed: boolean;
  findings: Finding[];
  errors: InputError[];
}
