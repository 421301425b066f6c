import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { sh } from '../helpers.ts';

// nft list (nftables 1.0.9) of the rules dockerd 27.3.1 wrote through iptables-nft 1.8.10 (issue #10).
describe('nft list on node1', () => {
  it('shows the ip tables with iptables-nft warnings, derived from the same rules iptables-save prints', async () => {
    const w = createWorld();
    const r = await sh(w, 'nft list ruleset');
    expect(r.exitCode).toBe(0);
    // nftables@v1.0.9:src/rule.c table_print writes the warning to stderr for a table with xt statements (addrtype,
    // conntrack, MASQUERADE), not for ip6 tables that hold native expressions only.
    expect(r.stderr).toBe(
      '# Warning: table ip nat is managed by iptables-nft, do not touch!\n# Warning: table ip filter is managed by iptables-nft, do not touch!\n',
    );
    expect(r.out.indexOf('# Warning: table ip filter')).toBeLessThan(r.out.indexOf('table ip filter {'));
    expect(r.stdout).toContain(
      '\tchain POSTROUTING {\n\t\ttype nat hook postrouting priority srcnat; policy accept;\n\t\toifname != "docker0" ip saddr 172.17.0.0/16 counter packets 0 bytes 0 masquerade\n\t}\n',
    );
    expect(r.stdout).toContain('\t\tip daddr != 127.0.0.0/8 fib daddr type local counter packets 0 bytes 0 jump DOCKER\n');
    expect(r.stdout).toContain('\t\toifname "docker0" ct state related,established counter packets 0 bytes 0 accept\n');
    expect((await sh(w, 'nft list tables')).stdout).toBe('table ip nat\ntable ip filter\ntable ip6 nat\ntable ip6 filter\n');
  });

  it('follows a published port: DNAT, the hairpin MASQUERADE and the filter ACCEPT', async () => {
    const w = createWorld();
    await sh(w, 'docker run -d --name web -p 8080:80 nginx');
    const nat = await sh(w, 'nft list table ip nat');
    expect(nat.stdout).toContain('\t\tiifname != "docker0" tcp dport 8080 counter packets 0 bytes 0 dnat to 172.17.0.2:80\n');
    expect(nat.stdout).toContain('\t\tip saddr 172.17.0.2 ip daddr 172.17.0.2 tcp dport 80 counter packets 0 bytes 0 masquerade\n');
    expect((await sh(w, 'nft -s list chain ip filter DOCKER')).stdout).toBe(
      'table ip filter {\n\tchain DOCKER {\n\t\tiifname != "docker0" oifname "docker0" ip daddr 172.17.0.2 tcp dport 80 counter accept\n\t}\n}\n',
    );
  });

  it('errs as evaluate.c does for a missing table, with misspell.c suggestion', async () => {
    const w = createWorld();
    expect(await sh(w, 'nft list table ip nta')).toMatchObject({
      exitCode: 1,
      stderr: 'Error: No such file or directory; did you mean table ‘nat’ in family ip?\nlist table ip nta\n              ^^^\n',
    });
    expect((await sh(w, 'nft list table ip foo')).stderr).toBe('Error: No such file or directory\nlist table ip foo\n              ^^^\n');
    expect((await sh(w, 'su - ubuntu -c "nft list ruleset"')).stderr).toBe('netlink: Error: cache initialization failed: Operation not permitted\n');
  });

  it('answers -h, -v and no command as nftables@v1.0.9:src/main.c does', async () => {
    const w = createWorld();
    const help = await sh(w, 'nft --help');
    expect(help.exitCode).toBe(0);
    // show_help: the four groups, print_option's "%-34s%s\n"; the debug option's 33 characters leave one space.
    expect(help.out.split('\n').slice(0, 4)).toEqual([
      'Usage: nft [ options ] [ cmds... ]',
      '',
      'Options (general):',
      '  -h, --help                      Show this help',
    ]);
    expect(help.out).toContain('\n  -I, --includepath <directory>   Add <directory> to the paths searched for include files. Default is: /etc\n');
    expect(help.out).toContain(
      '\n  -d, --debug <level [,level...]> Specify debugging level (scanner, parser, eval, netlink, mnl, proto-ctx, segtree, all)\n\n',
    );
    expect((await sh(w, 'nft -v')).out).toBe('nftables v1.0.9 (Old Doc Yak #3)\n');
    const none = await sh(w, 'nft');
    expect([none.exitCode, none.stderr]).toEqual([1, 'nft: no command specified\n']);
  });
});
