import { describe, expect, it } from 'vitest';
import { sh, world } from './helpers.ts';

// bind9-dnsutils 1:9.18.28-0ubuntu0.24.04.1 on node1: bind9@v9.18.28:bin/dig/dig.c (printgreeting, printmessage, received),
// bin/dig/dighost.c (recv_done: "communications error", "no servers could be reached", exit 9), lib/dns/masterdump.c
// (indent: the columns 24/32/40/48 of dig's style), bin/dig/nslookup.c, bin/dig/host.c; the answers are
// systemd-resolved's stub (systemd@v255:src/resolve/resolved-dns-stub.c: aa for local answers, rd ra, OPT udp 65494).
const T = (n: number) => '\t'.repeat(n);
/** dig's default output around a reply (the id and the WHEN line are the run's own: checked apart). */
const digOut = (args: string, header: string, question: string, answer: string, size: number) =>
  `\n; <<>> DiG 9.18.28-0ubuntu0.24.04.1-Ubuntu <<>> ${args}\n;; global options: +cmd\n;; Got answer:\n${header}\n\n` +
  `;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 65494\n;; QUESTION SECTION:\n${question}\n\n${answer}` +
  `;; Query time: 0 msec\n;; SERVER: 127.0.0.53#53(127.0.0.53) (UDP)\n;; WHEN: WHEN\n;; MSG SIZE  rcvd: ${size}\n\n`;
/** The run's id and WHEN replaced, so the rest compares byte for byte. */
const norm = (s: string) =>
  s.replace(/id: \d+\n/, 'id: ID\n').replace(/;; WHEN: [A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}\n/, ';; WHEN: WHEN\n');

describe('dig on node1 (bind9 9.18.28, asking systemd-resolved at 127.0.0.53)', () => {
  it('answers localhost from the stub: aa, TTL 0, 54 bytes with the OPT record', async () => {
    const w = await world([]);
    const r = await sh(w, 'dig localhost');
    expect(r.exitCode).toBe(0);
    expect(norm(r.stdout)).toBe(
      digOut(
        'localhost',
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1',
        `;localhost.${T(3)}IN\tA`,
        `;; ANSWER SECTION:\nlocalhost.${T(2)}0\tIN\tA\t127.0.0.1\n\n`,
        54,
      ),
    );
    // The id comes from the simulator's seeded rng: a fresh world gives the same one.
    const again = await sh(await world([]), 'dig localhost');
    expect(/id: (\d+)/.exec(again.stdout)?.[1]).toBe(/id: (\d+)/.exec(r.stdout)?.[1]);
    expect(r.stdout).toMatch(/\n;; WHEN: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}\n/);
  });
  it('+short, -t/a type word, AAAA and MX, node1 from /etc/hosts', async () => {
    const w = await world([]);
    expect(await sh(w, 'dig +short localhost')).toMatchObject({ stdout: '127.0.0.1\n', exitCode: 0 });
    expect((await sh(w, 'dig localhost AAAA +short')).stdout).toBe('::1\n');
    expect((await sh(w, 'dig -t aaaa localhost +short')).stdout).toBe('::1\n');
    expect((await sh(w, 'dig aaaa localhost +short')).stdout).toBe('::1\n');
    expect(await sh(w, 'dig -t a localhost aaaa +short')).toMatchObject({ stdout: '::1\n', stderr: ';; Warning, extra type option\n' });
    expect((await sh(w, 'dig +short node1')).stdout).toBe('127.0.1.1\n');
    // A type the stub has no record of: NOERROR, no answer section (66 bytes for AAAA ::1: 12 + 15 + 28 + 11).
    expect(norm((await sh(w, 'dig node1 MX')).stdout)).toBe(
      digOut(
        'node1 MX',
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1',
        `;node1.${T(4)}IN\tMX`,
        '',
        34,
      ),
    );
    // The stub reads /etc/hosts as it stands.
    await sh(w, "echo '10.1.2.3 db.internal' >> /etc/hosts");
    expect((await sh(w, 'dig +short db.internal')).stdout).toBe('10.1.2.3\n');
  });
  it('-x: the reverse name, PTR localhost.', async () => {
    const w = await world([]);
    expect(norm((await sh(w, 'dig -x 127.0.0.1')).stdout)).toBe(
      digOut(
        '-x 127.0.0.1',
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID\n;; flags: qr aa rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1',
        ';1.0.0.127.in-addr.arpa.\tIN\tPTR',
        ';; ANSWER SECTION:\n1.0.0.127.in-addr.arpa.\t0\tIN\tPTR\tlocalhost.\n\n',
        74,
      ),
    );
    expect((await sh(w, 'dig -x 127.0.1.1 +short')).stdout).toBe('node1.\n');
    expect(await sh(w, 'dig -x 300.1.1.1')).toMatchObject({ stderr: 'Invalid IP address 300.1.1.1\n', exitCode: 1 });
  });
  it('SERVFAIL for a name the offline node1 cannot resolve, and for the root NS query of a bare dig', async () => {
    const w = await world([]);
    const servfail = ';; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: ID\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1';
    expect(await sh(w, 'dig example.com')).toMatchObject({ exitCode: 0 });
    expect(norm((await sh(w, 'dig example.com')).stdout)).toBe(digOut('example.com', servfail, `;example.com.${T(3)}IN\tA`, '', 40));
    expect(norm((await sh(w, 'dig')).stdout)).toBe(digOut('', servfail, `;.${T(4)}IN\tNS`, '', 28).replace('<<>> \n', '<<>>\n'));
    expect((await sh(w, 'dig +short example.com')).stdout).toBe('');
  });
  it('@server: the stub answers, any other server never does (3 tries, exit 9)', async () => {
    const w = await world([]);
    expect((await sh(w, 'dig @127.0.0.53 +short localhost')).stdout).toBe('127.0.0.1\n');
    expect(await sh(w, 'dig @8.8.8.8 example.com')).toMatchObject({
      stdout:
        ';; communications error to 8.8.8.8#53: timed out\n'.repeat(3) +
        '\n; <<>> DiG 9.18.28-0ubuntu0.24.04.1-Ubuntu <<>> @8.8.8.8 example.com\n; (1 server found)\n;; global options: +cmd\n;; no servers could be reached\n\n',
      exitCode: 9,
    });
    expect((await sh(w, 'dig @127.0.0.1 localhost')).stdout.startsWith(';; communications error to 127.0.0.1#53: connection refused\n')).toBe(true);
  });
  it('bad options: dig.c usage and its messages', async () => {
    const w = await world([]);
    const usage =
      'Usage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n            {global-d-opt} host [@local-server] {local-d-opt}\n            [ host [@local-server] {local-d-opt} [...]]\n\nUse "dig -h" (or "dig -h | more") for complete list of options\n';
    expect(await sh(w, 'dig +bogus localhost')).toMatchObject({ stderr: `Invalid option: +bogus\n${usage}`, exitCode: 1 });
    expect(await sh(w, 'dig --help')).toMatchObject({ stderr: `Invalid option: --help\n${usage}`, exitCode: 1 });
    expect(await sh(w, 'dig -v')).toMatchObject({ stderr: 'DiG 9.18.28-0ubuntu0.24.04.1-Ubuntu\n', exitCode: 0 });
    // dig.c help(): print_usage, then the options (the +idnin/+idnout lines of a libidn2 build), on stdout.
    const h = await sh(w, 'dig -h');
    expect(h.exitCode).toBe(0);
    expect(h.stdout.startsWith(`${usage.split('\n\n')[0]}\nWhere:  domain\t  is in the Domain Name System\n`)).toBe(true);
    expect(
      h.stdout.endsWith('        -h                           (print help and exit)\n        -v                           (print version and exit)\n'),
    ).toBe(true);
    expect(h.stdout).toContain('                 +[no]idnin          (Parse IDN names [default=on on tty])\n');
    expect((await sh(w, 'docker run --rm alpine dig localhost')).exitCode).toBe(127);
  });
});

describe("bind9's nslookup and host on node1", () => {
  it('nslookup: the stub, A then AAAA, no "Non-authoritative" line for its local answers', async () => {
    const w = await world([]);
    expect(await sh(w, 'nslookup localhost')).toMatchObject({
      stdout: 'Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nName:\tlocalhost\nAddress: 127.0.0.1\nName:\tlocalhost\nAddress: ::1\n\n',
      exitCode: 0,
    });
    expect((await sh(w, 'nslookup node1')).stdout).toBe('Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nName:\tnode1\nAddress: 127.0.1.1\n\n');
    expect(await sh(w, 'nslookup example.com')).toMatchObject({
      stdout: "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n** server can't find example.com: SERVFAIL\n\n",
      exitCode: 1,
    });
    expect((await sh(w, 'nslookup 127.0.0.1')).stdout).toBe('Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n1.0.0.127.in-addr.arpa\tname = localhost.\n\n');
    expect((await sh(w, 'nslookup -type=mx localhost')).stdout).toBe(
      "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\n*** Can't find localhost: No answer\n\n",
    );
    expect(await sh(w, 'nslookup web 8.8.8.8')).toMatchObject({
      stdout: `${';; communications error to 8.8.8.8#53: timed out\n'.repeat(3)};; no servers could be reached\n\n\n`,
      exitCode: 1,
    });
  });
  it('host: A, AAAA and MX by default, -t, PTR for an address, "not found" on SERVFAIL', async () => {
    const w = await world([]);
    expect(await sh(w, 'host localhost')).toMatchObject({ stdout: 'localhost has address 127.0.0.1\nlocalhost has IPv6 address ::1\n', exitCode: 0 });
    expect((await sh(w, 'host 127.0.0.1')).stdout).toBe('1.0.0.127.in-addr.arpa domain name pointer localhost.\n');
    expect((await sh(w, 'host -t mx node1')).stdout).toBe('node1 has no MX record\n');
    expect(await sh(w, 'host example.com')).toMatchObject({ stdout: 'Host example.com not found: 2(SERVFAIL)\n', exitCode: 1 });
    expect((await sh(w, 'host node1 127.0.0.53')).stdout).toBe(
      'Using domain server:\nName: 127.0.0.53\nAddress: 127.0.0.53#53\nAliases: \n\nnode1 has address 127.0.1.1\n',
    );
    expect(await sh(w, 'host -t bogus x')).toMatchObject({ stderr: 'host: invalid type: bogus\n\n', exitCode: 2 });
    const h = await sh(w, 'host --help');
    expect(h.exitCode).toBe(1);
    expect(h.stderr.startsWith('host: illegal option -- -\nUsage: host [-aCdilrTvVw] [-c class] [-N ndots] [-t type] [-W time]\n')).toBe(true);
  });
});
