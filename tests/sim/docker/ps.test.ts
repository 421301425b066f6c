import { describe, expect, it } from 'vitest';
import { sh, world } from '../helpers.ts';
import { expectHelp, helpText } from './help.ts';

describe('docker ps --help', () => {
  it("prints docker/cli v27.3.1's help with its Options, byte for byte", async () => {
    await expectHelp(await world([]), 'docker ps --help', 'ps');
  });
  it('as docker container ls: that usage line, the same aliases annotation and flags', async () => {
    const w = await world([]);
    await expectHelp(w, 'docker container ls --help', 'container-ls');
    await expectHelp(w, 'docker container list --help', 'container-ls');
    expect(helpText('container-ls').split('\n').slice(4)).toEqual(helpText('ps').split('\n').slice(4));
  });
  it('-h is the deprecated shorthand of --help; a flag the simulator lacks is still refused', async () => {
    const w = await world([]);
    const r = await sh(w, 'docker ps -h');
    expect(r.stdout).toBe(helpText('ps'));
    expect(r.stderr).toBe('Flag shorthand -h has been deprecated, use --help\n');
    expect((await sh(w, 'docker ps --bogus')).out).toBe("unknown flag: --bogus\nSee 'docker ps --help'.\n");
    expect((await sh(w, 'docker container ls --bogus')).out).toBe("unknown flag: --bogus\nSee 'docker container ls --help'.\n");
  });
  it('wraps the usage column at the terminal width minus one', async () => {
    const w = await world([]);
    const r = await w.exec('docker ps --help', { columns: 120 });
    expect(r.stdout).toContain(
      "      --format string   Format output using a custom template:\n                        'table':            Print output in table format with column headers (default)\n",
    );
    expect(r.stdout).toContain('  -n, --last int        Show n last created containers (includes all states) (default -1)\n');
  });
});

describe('docker ps --size and --last', () => {
  it('--size adds SIZE: the writable layer and, in parentheses, the virtual size (formatter.Size)', async () => {
    const w = await world(['nginx']);
    await sh(w, 'docker run -d --name web nginx');
    await sh(w, "docker exec web sh -c 'echo hello > /tmp/x'");
    const r = await sh(w, 'docker ps -s');
    const [head, row] = r.stdout.split('\n');
    expect(head).toMatch(/ {3}NAMES {5}SIZE$/);
    // nginx's entrypoint writes its config (1.1kB with /tmp/x); the image is 187MB.
    expect(row).toMatch(/ {3}web {7}\d+(\.\d+)?k?B \(virtual 187MB\)$/);
    expect((await sh(w, "docker ps --format '{{.Names}}: {{.Size}}'")).stdout).toMatch(/^web: \d+(\.\d+)?k?B \(virtual 187MB\)\n$/);
    expect((await sh(w, 'docker ps --size --format raw')).stdout).toMatch(/\nsize: \d+(\.\d+)?k?B \(virtual 187MB\)\n\n?$/);
  });

  it('-n N lists the N newest containers in any state; -l is -n 1', async () => {
    const w = await world(['alpine']);
    await sh(w, 'docker run -d --name aa alpine sleep 100');
    await sh(w, 'docker run --name bb alpine true');
    await sh(w, 'docker run --name cc alpine true');
    expect((await sh(w, "docker ps --format '{{.Names}}'")).stdout).toBe('aa\n');
    expect((await sh(w, "docker ps -n 2 --format '{{.Names}}'")).stdout).toBe('cc\nbb\n');
    expect((await sh(w, "docker ps --last 5 --format '{{.Names}}'")).stdout).toBe('cc\nbb\naa\n');
    expect((await sh(w, "docker ps -l --format '{{.Names}}'")).stdout).toBe('cc\n');
    expect((await sh(w, 'docker ps -n x')).stderr).toBe(
      'invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'docker ps --help\'.\n',
    );
  });
});
