/**
 * `docker context ls|show|inspect` for node1's one context, "default" on the local socket.
 * docker/cli@v27.3.1:cli/command/context/list.go (default table, the "*" on the current
 * context) and cli/command/formatter/context.go (header map).
 */
import type { ExecResult } from '../../../api.ts';
import { parseFlags } from '../../args.ts';
import type { CmdEnv } from '../../types.ts';
import { writeList } from '../../kit/listformat.ts';
import { GoStruct } from '../../kit/template/index.ts';
import { argsError, flagError } from './errors.ts';
import { templated } from './format.ts';

const ENDPOINT = 'unix:///var/run/docker.sock';
const HEADER = { Name: 'NAME', Description: 'DESCRIPTION', DockerEndpoint: 'DOCKER ENDPOINT', Error: 'ERROR' };

function ls(args: string[]): ExecResult {
  const p = parseFlags(args, [{ long: 'format', type: 'string' }, { long: 'quiet', short: 'q', type: 'bool' }], true);
  if (!p.ok) return flagError('docker context ls', p.error);
  if (p.rest.length) return argsError('docker context ls', 'none', 0, '[OPTIONS]', 'List contexts');
  if (p.flags.quiet) return { stdout: 'default\n', stderr: '', exitCode: 0 };
  const fmt = (p.flags.format as string | undefined) || 'table';
  // list.go: for "json"/"{{json .}}" the context carries ContextType "moby" and marshals as is.
  const plain = fmt === 'json' || fmt === '{{json .}}';
  const c = { Name: 'default', Description: 'Current DOCKER_HOST based configuration', DockerEndpoint: ENDPOINT, Current: true, Error: '' };
  const row = new GoStruct('*formatter.clientContextContext', c, undefined, () => (plain ? { ...c, ContextType: 'moby' } : { Current: true, Description: c.Description, DockerEndpoint: ENDPOINT, Error: '', Name: 'default' }), true);
  return writeList(fmt === 'table' ? 'table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}' : fmt, [row], HEADER);
}

function inspectDoc(): Record<string, unknown> {
  return {
    Name: 'default', Metadata: {}, Endpoints: { docker: { Host: ENDPOINT, SkipTLSVerify: false } },
    TLSMaterial: {}, Storage: { MetadataPath: '\u003cIN MEMORY\u003e', TLSPath: '\u003cIN MEMORY\u003e' },
  };
}

export async function context(args: string[], _env: CmdEnv): Promise<ExecResult> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'ls': case 'list':
      return ls(rest);
    case 'show':
      return { stdout: 'default\n', stderr: '', exitCode: 0 };
    case 'inspect': {
      const p = parseFlags(rest, [{ long: 'format', short: 'f', type: 'string' }], true);
      if (!p.ok) return flagError('docker context inspect', p.error);
      const names = p.rest.length ? p.rest : ['default'];
      const missing = names.filter((n) => n !== 'default');
      return templated(names.filter((n) => n === 'default').map(inspectDoc), p.flags.format as string | undefined, missing.map((n) => `context "${n}" does not exist\n`).join(''));
    }
    case 'use':
      if (rest[0] === 'default') return { stdout: 'default\nCurrent context is now "default"\n', stderr: '', exitCode: 0 };
      return { stdout: '', stderr: `context "${rest[0] ?? ''}" does not exist\n`, exitCode: 1 };
    default:
      return { stdout: '', stderr: `docker: 'context ${sub ?? ''}' is not a docker command.\nSee 'docker --help'\n`, exitCode: 1 };
  }
}
