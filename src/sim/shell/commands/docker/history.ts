import { displayRef } from '../../../image/store.ts';
import { arity } from './errors.ts';
import { ellipsis } from '../../../image/format.ts';
import { historyRows } from '../../../image/image.ts';
import { createdAgo, humanSizeWithPrecision } from '../../../image/units.ts';
import { R, formatted } from './image.ts';
import { defineCommand, FORMAT_HELP } from './define.ts';

// docker/cli@v27.3.1:cli/command/image/history.go
export default defineCommand({
  use: 'history [OPTIONS] IMAGE',
  short: 'Show the history of an image',
  aliases: 'docker image history, docker history',
  flags: [
    { long: 'format', type: 'string', usage: FORMAT_HELP },
    { long: 'human', short: 'H', type: 'bool', default: 'true', usage: 'Print sizes and dates in human readable format' },
    { long: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { long: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  async run(flags, rest, env, cmd) {
    const argErr = arity(cmd, rest.length, 1);
    if (argErr) return argErr;
    const human = flags.human !== false;
    const lib = await env.daemon.imageLib();
    const li = lib.store.lookup(rest[0] as string);
    if (!li) return R('', `Error response from daemon: No such image: ${displayRef(rest[0] as string)}\n`, 1);
    const noTrunc = Boolean(flags['no-trunc']);
    // docker/cli@v27.3.1:cli/command/image/formatter_history.go NewHistoryFormat and historyContext.
    const source = (flags.format as string | undefined) || 'table';
    const format = flags.quiet
      ? '{{.ID}}'
      : source === 'table'
        ? human
          ? 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}'
          : 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}'
        : source;
    const rows = historyRows(li.image).map((r, i) => {
      const createdSec = Math.floor(Date.parse(r.entry.created) / 1000);
      const createdAt = new Date(createdSec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const createdBy = (r.entry.created_by ?? '').replaceAll('\t', ' ');
      const id = i === 0 ? (noTrunc ? li.image.id : li.image.id.slice(7, 19)) : '<missing>';
      return {
        Comment: r.entry.comment ?? '',
        CreatedAt: createdAt,
        CreatedBy: noTrunc ? createdBy : ellipsis(createdBy, 45),
        CreatedSince: !human ? createdAt : createdSec <= 946684800 ? 'N/A' : createdAgo(Date.parse(r.entry.created), env.host.clock.nowMs),
        ID: id,
        Size: human ? humanSizeWithPrecision(r.size, 3) : String(r.size),
      };
    });
    return formatted(
      rows,
      format,
      { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' },
      '*image.historyContext',
    );
  },
});
