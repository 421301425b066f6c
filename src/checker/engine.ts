/**
 * The checking engine: runs the rules of a profile over manifests and Dockerfiles and turns
 * template hits into findings with positions, texts and fixes (engine-core.ts for manifests,
 * engine-dockerfile.ts for Dockerfiles, put together here).
 */
import { checkParsedWith, parseInputsWith, type CheckOptions, type InputFile, type ParsedInputs } from './engine-core.ts';
import { dockerfileChecks } from './engine-dockerfile.ts';
import type { FileResult } from './types.ts';

export { isDockerfile, type CheckOptions, type InputFile, type ParsedInputs } from './engine-core.ts';

/** Parses every file once: Dockerfiles by name (or content, for stdin), everything else as YAML/JSON manifests. */
export function parseInputs(files: InputFile[]): ParsedInputs {
  return parseInputsWith(files, dockerfileChecks);
}

/** Runs the rules over parsed inputs: manifests, Dockerfiles, and every Dockerfile against every manifest file. */
export function checkParsed(p: ParsedInputs, options: CheckOptions = {}): FileResult[] {
  return checkParsedWith(p, options, dockerfileChecks);
}

/** Checks a set of files together. */
export function checkFiles(files: InputFile[], options: CheckOptions = {}): FileResult[] {
  return checkParsed(parseInputs(files), options);
}
