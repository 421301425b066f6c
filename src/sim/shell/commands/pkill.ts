import type { SimCommand } from '../types.ts';
import { procpsSelect } from './pgrep.ts';

/** pkill (procps-ng 4.0.4): pgrep's selection, then the signal (pgrep.ts). */
export const pkill: SimCommand = { name: 'pkill', run: (args, env) => procpsSelect('pkill', args, env) };
