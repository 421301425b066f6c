/**
 * locale (glibc 2.39, glibc@glibc-2.39:locale/programs/locale.c show_locale_vars, write_locales) on
 * node1: LANG and LANGUAGE as set, then each LC_ category: its own variable unquoted when set,
 * otherwise the value it takes (LC_ALL, else LANG, else POSIX) in double quotes; LC_ALL last.
 * A value naming a locale that is not installed makes setlocale fail first: "locale: Cannot set
 * LC_… to default locale: No such file or directory". node1's login environment sets no LANG
 * (`env` shows none). `locale -a` lists the installed locales: an Ubuntu 24.04 server without
 * locale-gen run has C, C.utf8 (libc-bin's) and POSIX.
 */
import type { ExecResult } from '../../api.ts';
import type { SimCommand } from '../types.ts';

const CATEGORIES = [
  'LC_CTYPE',
  'LC_NUMERIC',
  'LC_TIME',
  'LC_COLLATE',
  'LC_MONETARY',
  'LC_MESSAGES',
  'LC_PAPER',
  'LC_NAME',
  'LC_ADDRESS',
  'LC_TELEPHONE',
  'LC_MEASUREMENT',
  'LC_IDENTIFICATION',
];
const INSTALLED = ['C', 'C.utf8', 'POSIX'];
/** glibc normalises the codeset when it looks a locale up (_nl_normalize_codeset: UTF-8 → utf8). */
const installed = (name: string) => name === '' || INSTALLED.includes(name.replace(/\.UTF-?8$/i, '.utf8'));

/** argp's --help for locale.c's options and doc, with Ubuntu's bug-report address. */
const HELP = `Usage: locale [OPTION...] NAME
  or:  locale [OPTION...] [-a|-m]
Get locale-specific information.

 System information:
  -a, --all-locales          Write names of available locales
  -m, --charmaps             Write names of available charmaps

 Modify output format:
  -c, --category-name        Write names of selected categories
  -k, --keyword-name         Write names of selected keywords
  -v, --verbose              Print more information

  -?, --help                 Give this help list
      --usage                Give a short usage message
  -V, --version              Print program version

Mandatory or optional arguments to long options are also mandatory or optional
for any corresponding short options.

For bug reporting instructions, please see:
<https://bugs.launchpad.net/ubuntu/+source/glibc/+bugs>.
`;

const VERSION = `locale (Ubuntu GLIBC 2.39-0ubuntu8.3) 2.39
Copyright (C) 2024 Free Software Foundation, Inc.
This is free software; see the source for copying conditions.  There is NO
warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.
Written by Ulrich Drepper.
`;

export const locale: SimCommand = {
  name: 'locale',
  async run(args, env): Promise<ExecResult> {
    const get = (k: string) => env.exported?.[k] ?? (env.env.has(k) ? env.env.get(k) : undefined);
    const lang = get('LANG') ?? '';
    const all = get('LC_ALL') ?? '';
    if (args.includes('--help') || args.includes('-?')) return { stdout: HELP, stderr: '', exitCode: 0 };
    if (args.includes('--version') || args.includes('-V')) return { stdout: VERSION, stderr: '', exitCode: 0 };
    if (args.includes('-a') || args.includes('--all-locales')) return { stdout: INSTALLED.map((l) => `${l}\n`).join(''), stderr: '', exitCode: 0 };
    const bad = args.find((a) => a.startsWith('-') && !['-k', '-c', '-v', '--keyword-name', '--category-name', '--verbose'].includes(a));
    if (bad)
      return {
        stdout: '',
        stderr: `${bad.startsWith('--') ? `locale: unrecognized option '${bad}'` : `locale: invalid option -- '${bad.slice(1, 2)}'`}\nTry 'locale --help' or 'locale --usage' for more information.\n`,
        exitCode: 64,
      };
    if (args.some((a) => !a.startsWith('-'))) return { stdout: '', stderr: 'locale: naming a keyword or category is not simulated on node1\n', exitCode: 1 };
    let err = '';
    // main: setlocale (LC_CTYPE, "") then setlocale (LC_ALL, ""); each failure is reported (locale.c).
    const effective = (c: string) => all || get(c) || lang;
    if (!installed(effective('LC_CTYPE'))) err += 'locale: Cannot set LC_CTYPE to default locale: No such file or directory\n';
    if (!installed(effective('LC_MESSAGES'))) err += 'locale: Cannot set LC_MESSAGES to default locale: No such file or directory\n';
    if (CATEGORIES.some((c) => !installed(effective(c)))) err += 'locale: Cannot set LC_ALL to default locale: No such file or directory\n';
    let out = `LANG=${lang}\nLANGUAGE=${get('LANGUAGE') ?? ''}\n`;
    for (const c of CATEGORIES) {
      const own = get(c);
      out += own && !all ? `${c}=${own}\n` : `${c}="${all || own || lang || 'POSIX'}"\n`;
    }
    out += `LC_ALL=${all}\n`;
    return { stdout: out, stderr: err, exitCode: 0 };
  },
};
