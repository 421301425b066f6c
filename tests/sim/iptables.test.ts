import { describe, expect, it } from 'vitest';
import { world } from './helpers.ts';

// iptables@v1.8.10 (nf_tables): xshared.c print_header/print_rule_details (numeric protocols with -n), nft.c
// nft_rule_list_save; the rules are moby@v27.3.1's (libnetwork/drivers/bridge/setup_ip_tables_linux.go,
// port_mapping_linux.go, libnetwork/iptables/iptables.go ProgramChain, libnetwork/firewall_linux.go).
describe('iptables: the rules dockerd 27.3.1 programs (#10)', { timeout: 120_000 }, () => {
  it('-S: the default bridge, then a published port and a second network inserted above it', async () => {
    const w = await world(['nginx']);
    expect((await w.exec('iptables -S')).stdout).toBe(
      [
        '-P INPUT ACCEPT',
        '-P FORWARD DROP',
        '-P OUTPUT ACCEPT',
        '-N DOCKER',
        '-N DOCKER-ISOLATION-STAGE-1',
        '-N DOCKER-ISOLATION-STAGE-2',
        '-N DOCKER-USER',
        '-A FORWARD -j DOCKER-USER',
        '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
        '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
        '-A FORWARD -o docker0 -j DOCKER',
        '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
        '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
        '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
        '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
        '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
        '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
        '-A DOCKER-USER -j RETURN',
        '',
      ].join('\n'),
    );
    await w.exec('docker run -d --name web -p 8080:80 -p 127.0.0.1:9000:9000/udp nginx');
    await w.exec('docker network create --internal back >/dev/null');
    const nat = (await w.exec('iptables -t nat -S')).stdout;
    expect(nat).toContain('-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n');
    expect(nat).toContain('-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p udp -m udp --dport 9000 -j DNAT --to-destination 172.17.0.2:9000\n');
    expect(nat).toContain('-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE\n');
    // An internal network: no MASQUERADE, two DROPs at the top of STAGE-1.
    expect(nat).not.toContain('172.18.0.0/16');
    const filter = (await w.exec('iptables -S DOCKER-ISOLATION-STAGE-1')).stdout;
    expect(filter.split('\n').slice(0, 3)).toEqual([
      '-N DOCKER-ISOLATION-STAGE-1',
      expect.stringMatching(/^-A DOCKER-ISOLATION-STAGE-1 ! -s 172\.18\.0\.0\/16 -o br-[0-9a-f]{12} -j DROP$/),
      expect.stringMatching(/^-A DOCKER-ISOLATION-STAGE-1 ! -d 172\.18\.0\.0\/16 -i br-[0-9a-f]{12} -j DROP$/),
    ]);
    expect((await w.exec('iptables -S DOCKER 1')).stdout).toBe('-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT\n');
    // Stopped: its port rules go away.
    await w.exec('docker stop web >/dev/null');
    expect((await w.exec('iptables -t nat -S DOCKER')).stdout).toBe('-N DOCKER\n-A DOCKER -i docker0 -j RETURN\n');
  });

  it('-L: numeric protocols with -n, names and "anywhere" without, counters and interfaces with -v', async () => {
    const w = await world(['nginx']);
    await w.exec('docker run -d -p 8080:80 nginx');
    expect((await w.exec('iptables -L DOCKER -n')).stdout).toBe(
      'Chain DOCKER (1 references)\ntarget     prot opt source               destination         \nACCEPT     6    --  0.0.0.0/0            172.17.0.2           tcp dpt:80\n',
    );
    expect((await w.exec('iptables -L DOCKER')).stdout).toContain('ACCEPT     tcp  --  anywhere             172.17.0.2           tcp dpt:http\n');
    const v = (await w.exec('iptables -t nat -nvL OUTPUT')).stdout;
    expect(v).toBe(
      'Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)\n pkts bytes target     prot opt in     out     source               destination         \n    0     0 DOCKER     0    --  *      *       0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL\n',
    );
    // Without -n the loopback net reads as resolved's synthesized name.
    expect((await w.exec('iptables -t nat -L OUTPUT')).stdout).toContain(
      'DOCKER     all  --  anywhere            !localhost/8          ADDRTYPE match dst-type LOCAL\n',
    );
    expect((await w.exec('iptables -L FORWARD 3 -n --line-numbers')).stdout).toBe(
      '3    ACCEPT     0    --  0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED\n',
    );
  });

  it('errors: no root, no command, a bad table, option or chain; no rules in another network namespace', async () => {
    const w = await world([]);
    expect(await w.exec('sudo -u ubuntu iptables -L')).toMatchObject({
      stderr: 'iptables v1.8.10 (nf_tables): Could not fetch rule set generation id: Permission denied (you must be root)\n',
      exitCode: 4,
    });
    expect(await w.exec('iptables -n')).toMatchObject({
      stderr: "iptables v1.8.10 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n",
      exitCode: 2,
    });
    expect(await w.exec('iptables -t mangel -L')).toMatchObject({
      stderr: "iptables v1.8.10 (nf_tables): table 'mangel' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n",
      exitCode: 3,
    });
    expect(await w.exec('iptables -L -k')).toMatchObject({ stderr: expect.stringContaining('unknown option "-k"'), exitCode: 2 });
    expect(await w.exec('iptables -L DOCKER-USR')).toMatchObject({ stderr: 'iptables: No chain/target/match by that name.\n', exitCode: 1 });
    expect((await w.exec('unshare -n iptables -S')).stdout).toBe('-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n');
    expect((await w.exec('which iptables')).stdout).toBe('/usr/sbin/iptables\n');
  });

  it('iptables-save: filter then nat, chains with [0:0], COMMIT; -t, -c; errors', async () => {
    const w = await world(['nginx']);
    await w.exec('docker run -d -p 8080:80 nginx');
    const out = (await w.exec('iptables-save')).stdout.split('\n');
    expect(out[0]).toMatch(/^# Generated by iptables-save v1\.8\.10 \(nf_tables\) on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
    expect(out.filter((l) => l.startsWith('*'))).toEqual(['*filter', '*nat']);
    expect(out).toContain(':FORWARD DROP [0:0]');
    expect(out).toContain(':DOCKER-USER - [0:0]');
    expect(out.filter((l) => l === 'COMMIT')).toHaveLength(2);
    const nat = (await w.exec('iptables-save -c -t nat')).stdout;
    expect(nat).toContain('[0:0] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n');
    expect(nat).not.toContain('*filter');
    expect(await w.exec('iptables-save -t nats')).toMatchObject({ stderr: "Table `nats' does not exist\n", exitCode: 1 });
    expect(await w.exec('sudo -u ubuntu iptables-save')).toMatchObject({ exitCode: 4 });
    expect(await w.exec('iptables-save --help')).toMatchObject({
      stderr: "iptables-save: unrecognized option '--help'\nLook at manual page `iptables-save.8' for more information.\n",
      exitCode: 1,
    });
    expect(await w.exec('iptables-save -q')).toMatchObject({
      stderr: "iptables-save: invalid option -- 'q'\nLook at manual page `iptables-save.8' for more information.\n",
      exitCode: 1,
    });
  });
});
