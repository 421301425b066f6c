import { defineCommand, FORMAT_HELP } from './define.ts';
import { writeList } from '../../kit/listformat.ts';
import { GoStruct } from '../../kit/template/index.ts';
import { ENDPOINT } from './context.ts';
import { arity } from './errors.ts';

// docker/cli@v27.3.1:cli/command/formatter/context.go: the header map.
const HEADER = { Name: 'NAME', Description: 'DESCRIPTION', DockerEndpoint: 'DOCKER ENDPOINT', Error: 'ERROR' };

// docker/cli@v27.3.1:cli/command/context/list.go
export default defineCommand({
  use: 'ls [OPTIONS]',
  short: 'List contexts',
  flags: [
    { long: 'format', type: 'string', usage: FORMAT_HELP },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only show context names' },
  ],
  async run(flags, rest, _env, cmd) {
    const argErr = arity(cmd, rest.length, 0);
    if (argErr) return argErr;
    if (flags.quiet) return { stdout: 'default\n', stderr: '', exitCode: 0 };
    const fmt = flags.format || 'table';
    // list.go: for "json"/"{{json .}}" the context carries ContextType "moby" and marshals as is.
    const plain = fmt === 'json' || fmt === '{{json .}}';
    const c = { Name: 'default', Description: 'Current DOCKER_HOST based configuration', DockerEndpoint: ENDPOINT, Current: true, Error: '' };
    const row = new GoStruct(
      '*formatter.clientContextContext',
      c,
      undefined,
      () => (plain ? { ...c, ContextType: 'moby' } : { Current: true, Description: c.Description, DockerEndpoint: ENDPOINT, Error: '', Name: 'default' }),
      true,
    );
    return writeList(fmt === 'table' ? 'table {{.Name}}{{if .Current}} *{{end}}\t{{.Description}}\t{{.DockerEndpoint}}\t{{.Error}}' : fmt, [row], HEADER);
  },
});
