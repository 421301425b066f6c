/**
 * `--env-file` of docker run, create and exec: docker/cli@v27.3.1:opts/file.go parseKeyValueFile
 * (ReadKVEnvStrings): blank lines and `#` comments skipped, `NAME=value` kept as is, a bare
 * NAME takes the client's own value or is dropped. Returns the variables, or the file that
 * could not be opened.
 */
import type { CmdEnv } from '../../types.ts';

export async function readEnvFiles(env: CmdEnv, files: string[]): Promise<string[] | { missing: string }> {
  const out: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await env.readFile(file);
    } catch {
      return { missing: file };
    }
    for (const raw of text.split('\n')) {
      const line = raw.trimStart();
      if (!line || line.startsWith('#')) continue;
      if (line.includes('=')) out.push(line);
      else if (env.env.get(line.trim()) !== undefined) out.push(`${line.trim()}=${env.env.get(line.trim())}`);
    }
  }
  return out;
}
