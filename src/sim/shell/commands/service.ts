import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';
import { systemctlRun, unitName } from './systemctl.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

/** init-system-helpers' service: `service NAME ACTION` runs `systemctl ACTION NAME.service` on a systemd host. */
export const service: SimCommand = {
  name: 'service',
  run: async (args, env) => {
    const [name, action] = args;
    if (name === undefined || name === '--help' || name === '-h')
      return R('', 'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n', name === undefined ? 1 : 0);
    if (action === undefined) return R('', `Usage: service ${name} {start|stop|restart|status}\n`, 1);
    return systemctlRun([action, unitName(name)], env, 'service');
  },
};
