/**
 * nft 1.0.9 on node1 (Ubuntu 24.04's nftables 1.0.9-1build1, /usr/sbin/nft): the listing commands of the ruleset
 * dockerd wrote through iptables-nft (net/nft-ruleset.ts).
 * - `list ruleset [FAMILY]`, `list tables [FAMILY]`, `list table [FAMILY] NAME`, `list chain [FAMILY] TABLE CHAIN`
 *   (nftables@v1.0.9:src/rule.c do_list_ruleset → table_print; do_list_tables "table %s %s\n"; do_list_table;
 *   do_list_chain: table_print_declaration, the chain, "}"). The family defaults to ip (parser_bison.y table_spec).
 *   Before each table with xt statements table_print writes its warning to stderr (octx->error_fp), so a terminal
 *   shows it above the table.
 * - Options (src/main.c nft_options): -s/--stateless prints `counter` without its numbers (statement.c
 *   counter_stmt_print), -y/--numeric-priority the base chains' numbers (rule.c prio2str), -n/--numeric changes nothing
 *   here, -h/--help (show_help), -v/--version "nftables v1.0.9 (Old Doc Yak #3)", -a/--handle and -j/--json are not simulated and say so.
 * - A table or chain that is not there: evaluate.c table_not_found / chain_not_found, "No such file or directory", with
 *   "; did you mean table ‘%s’ in family %s?" when misspell.c string_misspell_update finds a close name, then the
 *   command line and carets under the name (erec.c erec_print for command-line input), status 1.
 * - Without CAP_NET_ADMIN the cache dump is refused: cache.c nft_cache_update's
 *   "netlink: Error: cache initialization failed: Operation not permitted", status 1.
 * Changing commands (add, insert, delete, flush, …) are not simulated and say so.
 */
import type { ExecResult } from '../../api.ts';
import { hasCap } from '../../kernel/capabilities.ts';
import { type NftTable, nftTables, tableText, xtWarning } from '../../net/nft-ruleset.ts';
import type { SimCommand } from '../types.ts';

type Chunk = { stream: 'stdout' | 'stderr'; text: string };
const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });
const FAMILIES = ['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev'];
const PRIO: Record<string, string> = { dstnat: '-100', srcnat: '100', filter: '0' };

/**
 * misspell.c string_distance, as written: a flat table indexed i * len_b + j (rows overlap) and the characters compared
 * at a[i], b[j] for i, j from 1 (so the terminating NUL takes part), with the adjacent-transposition step.
 */
function distance(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  const d = new Array<number>((la + 1) * (lb + 1)).fill(0);
  const at = (s: string, k: number) => (k < s.length ? s.charCodeAt(k) : 0);
  for (let i = 0; i <= la; i++) d[i * lb] = i;
  for (let j = 0; j <= lb; j++) d[j] = j;
  for (let i = 1; i <= la; i++)
    for (let j = 1; j <= lb; j++) {
      const sub = at(a, i) === at(b, j) ? 0 : 1;
      let v = Math.min((d[(i - 1) * lb + j] as number) + 1, (d[i * lb + j - 1] as number) + 1, (d[(i - 1) * lb + j - 1] as number) + sub);
      if (i > 1 && j > 1 && at(a, i) === at(b, j - 1) && at(a, i - 1) === at(b, j)) v = Math.min(v, (d[(i - 2) * lb + j - 2] as number) + sub);
      d[i * lb + j] = v;
    }
  return d[la * lb + lb] as number;
}

/** misspell.c string_misspell_update over the candidates: the closest within the threshold, first one on a tie. */
function fuzzy<T>(want: string, items: T[], name: (t: T) => string): T | undefined {
  let best: T | undefined;
  let min = Number.POSITIVE_INFINITY;
  for (const it of items) {
    const a = name(it);
    const max = Math.max(a.length, want.length);
    const minLen = Math.min(a.length, want.length);
    if (max <= 1) continue;
    const threshold = max - minLen <= 1 ? Math.max(Math.ceil(max / 3), 1) : Math.ceil((max + 2) / 3);
    const dist = distance(a, want);
    if (dist <= threshold && dist < min) {
      min = dist;
      best = it;
    }
  }
  return best;
}

/** erec_print for the command line: the message, the line, carets under the word at `at` (a word index). */
function locError(msg: string, words: string[], at: number): ExecResult {
  const line = words.join(' ');
  const col = words.slice(0, at).join(' ').length + (at ? 1 : 0);
  return R('', `Error: ${msg}\n${line}\n${' '.repeat(col)}${'^'.repeat((words[at] as string).length)}\n`, 1);
}

/** nftables@v1.0.9:src/main.c nft_options: [short, long, argument, help], in the groups show_help prints them. */
const OPTION_GROUPS: [string, [string, string | null, string | null, string][]][] = [
  [
    'general',
    [
      ['h', 'help', null, 'Show this help'],
      ['v', 'version', null, 'Show version information'],
      ['V', null, null, 'Show extended version information'],
    ],
  ],
  [
    'ruleset input handling',
    [
      ['f', 'file', '<filename>', 'Read input from <filename>'],
      ['D', 'define', '<name=value>', 'Define variable, e.g. --define foo=1.2.3.4'],
      ['i', 'interactive', null, 'Read input from interactive CLI'],
      // DEFAULT_INCLUDE_PATH is the build's sysconfdir: /etc in Ubuntu's package.
      ['I', 'includepath', '<directory>', 'Add <directory> to the paths searched for include files. Default is: /etc'],
      ['c', 'check', null, 'Check commands validity without actually applying the changes.'],
      ['o', 'optimize', null, 'Optimize ruleset'],
    ],
  ],
  [
    'ruleset list formatting',
    [
      ['a', 'handle', null, 'Output rule handle.'],
      ['s', 'stateless', null, 'Omit stateful information of ruleset.'],
      ['t', 'terse', null, 'Omit contents of sets.'],
      ['S', 'service', null, 'Translate ports to service names as described in /etc/services.'],
      ['N', 'reversedns', null, 'Translate IP addresses to names.'],
      ['u', 'guid', null, 'Print UID/GID as defined in /etc/passwd and /etc/group.'],
      ['n', 'numeric', null, 'Print fully numerical output.'],
      ['y', 'numeric-priority', null, 'Print chain priority numerically.'],
      ['p', 'numeric-protocol', null, 'Print layer 4 protocols numerically.'],
      ['T', 'numeric-time', null, 'Print time values numerically.'],
    ],
  ],
  [
    'command output formatting',
    [
      ['e', 'echo', null, 'Echo what has been added, inserted or replaced.'],
      ['j', 'json', null, 'Format output in JSON'],
      ['d', 'debug', '<level [,level...]>', 'Specify debugging level (scanner, parser, eval, netlink, mnl, proto-ctx, segtree, all)'],
    ],
  ],
];

/** main.c show_help: print_option's "%-34s%s\n" of "  -%c[, --%s][ %s]" (a 35-byte buffer), a blank line after each group. */
const HELP = `Usage: nft [ options ] [ cmds... ]\n${OPTION_GROUPS.map(
  ([group, opts]) =>
    `\nOptions (${group}):\n${opts.map(([c, long, arg, help]) => `${`  -${c}${long ? `, --${long}` : ''}${arg ? ` ${arg}` : ''}`.slice(0, 34).padEnd(34)}${help}\n`).join('')}`,
).join('')}\n`;

export const nft: SimCommand = {
  name: 'nft',
  async run(args, env) {
    let stateless = false;
    let numericPrio = false;
    const words: string[] = [];
    for (const a of args) {
      if (words.length === 0 && a.startsWith('-') && a.length > 1) {
        if (a === '--help' || a === '-h') return R(HELP);
        // configure.ac's RELEASE_NAME for 1.0.9: "Old Doc Yak #3" (as `nft -v` prints on Ubuntu 24.04).
        if (a === '--version' || a === '-v') return R('nftables v1.0.9 (Old Doc Yak #3)\n');
        if (a === '--stateless' || a === '-s') stateless = true;
        else if (a === '--numeric-priority' || a === '-y') numericPrio = true;
        else if (a === '--numeric' || /^-n+$/.test(a)) continue;
        else return R('', `nft: only the listing options -s, -y, -n and -v are simulated on node1; ${a} is not.\n`, 1);
      } else words.push(...a.split(/\s+/).filter(Boolean));
    }
    // main.c: no command, no -f and no -i.
    if (!words.length) return R('', 'nft: no command specified\n', 1);
    if (words[0] !== 'list' || !['ruleset', 'tables', 'table', 'chain'].includes(words[1] ?? ''))
      return R('', `nft: only \`nft list ruleset|tables|table|chain\` is simulated on node1; \`${words.join(' ')}\` is not.\n`, 1);
    if (!hasCap(env.self.caps, 'net_admin')) return R('', 'netlink: Error: cache initialization failed: Operation not permitted\n', 1);
    // Outside node1's namespace dockerd made no table (a fresh network namespace has none).
    const all: NftTable[] = env.self.ns.net === env.host.kernel.hostNs.net ? nftTables(env.daemon.net, env.daemon.containers.values()) : [];
    let i = 2;
    const family = FAMILIES.includes(words[i] ?? '') ? (words[i++] as string) : undefined;
    const famTables = all.filter((t) => !family || t.family === family);
    const fmt = (text: string) => {
      let s = stateless ? text.replaceAll(' counter packets 0 bytes 0', ' counter') : text;
      if (numericPrio) s = s.replace(/priority (dstnat|srcnat|filter);/g, (_, p: string) => `priority ${PRIO[p]};`);
      return s;
    };
    const kind = words[1] as string;
    if (kind === 'tables') return R(famTables.map((t) => `table ${t.family} ${t.name}\n`).join(''));
    if (kind === 'ruleset') {
      const out: Chunk[] = [];
      for (const t of famTables) {
        if (t.xt) out.push({ stream: 'stderr', text: xtWarning(t) });
        out.push({ stream: 'stdout', text: fmt(tableText(t)) });
      }
      return {
        ...R(
          out
            .filter((c) => c.stream === 'stdout')
            .map((c) => c.text)
            .join(''),
          out
            .filter((c) => c.stream === 'stderr')
            .map((c) => c.text)
            .join(''),
        ),
        output: out,
      };
    }
    const fam = family ?? 'ip';
    const tname = words[i];
    if (tname === undefined) return R('', `nft: \`${words.join(' ')}\` without a name is not simulated on node1.\n`, 1);
    const table = all.find((t) => t.family === fam && t.name === tname);
    if (!table) {
      const near = fuzzy(tname, all, (t) => t.name);
      return locError(`No such file or directory${near ? `; did you mean table ‘${near.name}’ in family ${near.family}?` : ''}`, words, i);
    }
    if (kind === 'table') {
      const out: Chunk[] = [...(table.xt ? [{ stream: 'stderr' as const, text: xtWarning(table) }] : []), { stream: 'stdout', text: fmt(tableText(table)) }];
      return { ...R(fmt(tableText(table)), table.xt ? xtWarning(table) : ''), output: out };
    }
    const cname = words[i + 1];
    if (cname === undefined) return R('', `nft: \`${words.join(' ')}\` without a name is not simulated on node1.\n`, 1);
    const chain = table.chains.find((c) => c.name === cname);
    if (!chain) {
      // rule.c chain_lookup_fuzzy looks through every table's chains.
      const near = fuzzy(
        cname,
        all.flatMap((t) => t.chains.map((c) => ({ t, c }))),
        (x) => x.c.name,
      );
      return locError(
        `No such file or directory${near ? `; did you mean chain ‘${near.c.name}’ in table ${near.t.family} ‘${near.t.name}’?` : ''}`,
        words,
        i + 1,
      );
    }
    return R(fmt(tableText({ ...table, chains: [chain] })));
  },
};
