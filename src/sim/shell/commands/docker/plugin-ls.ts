// docker plugin ls: its cobra definition; what it answers on node1 is said in plugin.ts.
import { arity, daemonErr } from './errors.ts';
import { parseFilters } from './filters.ts';
import { formatted } from './image.ts';
import { defineCommand, FORMAT_HELP } from './define.ts';
import { R, HEADERS } from './plugin.ts';

const ls = defineCommand({
  use: 'ls [OPTIONS]',
  short: 'List plugins',
  flags: [
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only display plugin IDs' },
    { long: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { long: 'format', type: 'string', usage: FORMAT_HELP },
    { long: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "enabled=true")' },
  ],
  async run(flags, rest, _env, cmd) {
    const bad = arity(cmd, rest.length, 0);
    if (bad) return bad;
    const { filters, error } = parseFilters(flags.filter as string[] | undefined);
    if (error) return R('', `${error}\nSee '${cmd.path} --help'.\n`, 125);
    // moby@v27.3.1:plugin/backend_linux.go List: acceptedPluginFilterTags, then "enabled" as a bool.
    const invalid = filters.validate(['enabled', 'capability']);
    if (invalid) return R('', daemonErr(invalid), 1);
    const enabled = filters.bool('enabled', false);
    if (enabled.error) return R('', daemonErr(enabled.error), 1);
    const given = flags.format as string | undefined;
    // NewFormat: table (or quiet's "{{.ID}}"), else the template as given.
    const format = given && given !== 'table' ? given : flags.quiet ? '{{.ID}}' : 'table {{.ID}}\t{{.Name}}\t{{.Description}}\t{{.Enabled}}';
    const out = formatted([], format, HEADERS, '*plugin.pluginContext');
    return R(out.stdout, out.stderr, out.exitCode);
  },
});

export default ls;
