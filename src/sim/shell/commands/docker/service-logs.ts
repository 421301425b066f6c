// docker service logs: its cobra definition; what it answers on node1 is said in swarm-manager.ts.
import { defineCommand } from './define.ts';
import { daemon } from './swarm-manager.ts';

export default defineCommand({
  use: 'logs [OPTIONS] SERVICE|TASK',
  short: 'Fetch the logs of a service or task',
  flags: [
    { long: 'no-resolve', type: 'bool', usage: 'Do not map IDs to Names in output' },
    { long: 'no-trunc', type: 'bool', usage: 'Do not truncate output' },
    { long: 'raw', type: 'bool', usage: 'Do not neatly format logs' },
    { long: 'no-task-ids', type: 'bool', usage: 'Do not include task IDs in output' },
    { long: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { long: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { long: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { long: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { long: 'tail', short: 'n', type: 'string', default: 'all', usage: 'Number of lines to show from the end of the logs' },
  ],
  run: daemon(1, 1),
});
