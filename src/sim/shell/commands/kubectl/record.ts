/**
 * `--record` (k8s.io/cli-runtime@v0.30.5 pkg/genericclioptions/record_flags.go): a deprecated flag (pflag prints
 * `Flag --record has been deprecated, --record will be removed in the future` on stderr as it parses it) whose
 * ChangeCauseRecorder writes the command line into the kubernetes.io/change-cause annotation: parseCommandArguments
 * gives `kubectl`, the positional words (the verb first), then every flag met, in order, as ` --long-name=value`
 * (checked against a real kubectl v1.30.13, whose merge patch carried
 * `kubectl patch pod api --kubeconfig=… --record=true --patch={…}`).
 */
import type { FlagDef } from '../../args.ts';
import { GLOBAL_FLAGS } from './common.ts';

export const RECORD_FLAG: FlagDef = { long: 'record', type: 'bool' };

export const RECORD_DEPRECATED = 'Flag --record has been deprecated, --record will be removed in the future\n';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** The change cause of `kubectl VERB ARGS…` (args as the verb got them, global flags first). */
export function changeCause(verb: string, args: readonly string[], defs: readonly FlagDef[]): string {
  const all = [...defs, ...GLOBAL_FLAGS];
  const words: string[] = [verb];
  let flags = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const def = all.find((d) => d.long === name);
      let value = eq < 0 ? undefined : a.slice(eq + 1);
      if (value === undefined) value = def?.type === 'bool' ? 'true' : def?.noOpt !== undefined ? def.noOpt : (args[++i] ?? '');
      flags += ` --${name}=${value}`;
    } else if (a.startsWith('-') && a.length > 1) {
      // -pVALUE, -p VALUE, -p=VALUE; a run of booleans (-Rx) is each its own flag.
      for (let j = 1; j < a.length; j++) {
        const def = all.find((d) => d.short === a[j]);
        if (!def) break;
        if (def.type === 'bool') {
          flags += ` --${def.long}=true`;
          continue;
        }
        const rest = a.slice(j + 1).replace(/^=/, '');
        flags += ` --${def.long}=${rest || (args[++i] ?? '')}`;
        break;
      }
    } else words.push(a);
  }
  return `kubectl ${words.join(' ')}${flags}`;
}
