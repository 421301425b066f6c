/**
 * `docker search TERM` (docker/cli@v27.3.1:cli/command/registry/search.go, formatter_search.go): the daemon
 * (moby@v27.3.1:registry/search.go Service.Search, search_session.go searchRepositories) asks Docker Hub's index;
 * on node1 that is the simulator's fixture registry: its public docker.io repositories that Hub has (image/hub.ts,
 * with their descriptions and star counts). Hub's ranking is its own: here the most starred come first.
 */
import type { ExecResult } from '../../../api.ts';
import { HUB } from '../../../image/hub.ts';
import { formatted } from './image.ts';
import { arity, daemonErr } from './errors.ts';
import { parseFilters } from './filters.ts';
import { defineCommand } from './define.ts';

const R = (stdout: string, stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

// formatter_search.go defaultSearchTableFormat and the header map (formatter.NameHeader, DescriptionHeader).
const TABLE = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';
const HEADERS = { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL', IsAutomated: 'AUTOMATED' };

/** formatter.Ellipsis: at most `n` runes, the last one "…" when cut. */
const ellipsis = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

export default defineCommand({
  use: 'search [OPTIONS] TERM',
  short: 'Search Docker Hub for images',
  top: 10,
  flags: [
    { long: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { long: 'filter', short: 'f', type: 'filter', usage: 'Filter output based on conditions provided' },
    { long: 'limit', type: 'int', usage: 'Max number of search results' },
    { long: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
  ],
  async run(flags, rest, env, cmd) {
    const bad = arity(cmd, rest.length, 1);
    if (bad) return bad;
    const term = rest[0] as string;
    const { filters, error } = parseFilters(flags.filter as string[] | undefined);
    if (error) return R('', `${error}\nSee '${cmd.path} --help'.\n`, 125);
    // runSearch: the CLI's own warning, before the request.
    let warn = filters.contains('is-automated')
      ? 'WARNING: the "is-automated" filter is deprecated, and searching for "is-automated=true" will not yield any results in future.\n'
      : '';
    // On a terminal it shows before the results (as login.ts does with its warning).
    if (warn && env.stream) {
      env.stream({ stream: 'stderr', text: warn });
      warn = '';
    }
    const fail = (msg: string) => R('', `${warn}${daemonErr(msg)}`, 1);
    // The daemon: filters.Args.Validate, GetBoolOrDefault, the stars values, then the index's limit.
    const invalid = filters.validate(['is-automated', 'is-official', 'stars']);
    if (invalid) return fail(invalid);
    const automated = filters.bool('is-automated', false);
    if (automated.error) return fail(automated.error);
    const official = filters.bool('is-official', false);
    if (official.error) return fail(official.error);
    let minStars = 0;
    for (const v of filters.get('stars')) {
      if (!/^[+-]?\d+$/.test(v)) return fail(`invalid filter 'stars=${v}': strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
      minStars = Math.max(minStars, Number(v));
    }
    // The client sends the limit only when it is above 0; the index's default is 25.
    const given = Number((flags.limit as string | undefined) ?? '0');
    const limit = given > 0 ? given : 25;
    if (limit > 100) return fail(`limit ${limit} is outside the range of [1, 100]`);
    // Service.searchUnfiltered: "library/foo" is searched as "foo".
    const q = term
      .toLowerCase()
      .replace(/^(docker\.io|index\.docker\.io)\//, '')
      .replace(/^library\//, '');
    const lib = await env.daemon.imageLib();
    const hub = lib.service.registry.host('docker.io');
    const found = [...(hub?.repos ?? [])]
      // Only what Hub indexes (hub.ts): the fixture's own repositories (example/app, library/zombie-maker…) are not on it.
      .flatMap(([path, repo]) => {
        const hit = Object.hasOwn(HUB, path) ? HUB[path] : undefined;
        if (!hit || repo.private || !(path.includes(q) || hit.description.toLowerCase().includes(q))) return [];
        return [{ name: path.replace(/^library\//, ''), description: hit.description, stars: hit.stars, official: path.startsWith('library/') }];
      })
      .sort((a, b) => b.stars - a.stars || (a.name < b.name ? -1 : 1))
      .slice(0, limit)
      // Service.Search: is-automated=true yields nothing; is-official and stars filter what the index returned.
      .filter((r) => !automated.value && (!filters.contains('is-official') || r.official === official.value) && r.stars >= minStars);
    const format = (flags.format as string | undefined) || 'table';
    const json = format === 'json';
    // searchContext: the description on one line, cut at 45 unless --no-trunc; the bools "[OK]"/"" (true/false in JSON).
    const rows = found.map((r) => {
      const desc = r.description.replace(/[\n\r]/g, ' ');
      return {
        Name: r.name,
        Description: flags['no-trunc'] ? desc : ellipsis(desc, 45),
        StarCount: String(r.stars),
        IsOfficial: json ? String(r.official) : r.official ? '[OK]' : '',
        IsAutomated: json ? 'false' : '',
      };
    });
    const out = formatted(rows, format === 'table' ? TABLE : format, HEADERS, '*registry.searchContext');
    return R(out.stdout, warn + out.stderr, out.exitCode);
  },
});
