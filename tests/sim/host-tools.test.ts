import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import type { World } from '../../src/sim/index.ts';

async function sh(w: World, line: string, locale: 'en' | 'zh-cn' = 'en') {
  let out = '';
  const r = await w.exec(line, { locale, onOutput: (c) => (out += c.text) });
  return Object.assign(r, { out });
}

describe('host shell and Linux tools (#10, #15)', { timeout: 120_000 }, () => {
  it('history: every typed line, numbered as bash display_history prints it', async () => {
    const w = createWorld();
    await sh(w, 'echo one');
    await sh(w, '');
    // bash-5.2:builtins/history.def: "%5d%c %s%s\n"
    expect((await sh(w, 'history')).stdout).toBe('    1  echo one\n    2  history\n');
    expect((await sh(w, 'history 1')).stdout).toBe('    3  history 1\n');
    expect((await sh(w, 'history x')).stderr).toBe('-bash: history: x: numeric argument required\n');
  });

  it('kill -l in bash format, and an exit status back to its signal', async () => {
    const w = createWorld();
    const list = (await sh(w, 'kill -l')).stdout.split('\n');
    expect(list[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(list[6]).toBe('31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3');
    expect(list[12]).toBe('63) SIGRTMAX-1\t64) SIGRTMAX\t');
    expect((await sh(w, 'kill -l 137')).stdout).toBe('KILL\n');
    expect((await sh(w, 'kill -l TERM')).stdout).toBe('15\n');
    const bad = await sh(w, 'kill -l 99');
    expect(bad.stderr).toBe('-bash: kill: 99: invalid signal specification\n');
    expect(bad.exitCode).toBe(1);
  });

  it('nproc, free, cap_last_cap and $$', async () => {
    const w = createWorld();
    expect((await sh(w, 'nproc')).stdout).toBe('4\n');
    const free = (await sh(w, 'free -h')).stdout.split('\n');
    expect(free[0]).toBe('               total        used        free      shared  buff/cache   available');
    expect(free[1]).toMatch(/^Mem:\s+15Gi\s+1\.0Gi\s+1\dGi\s+4\.0Mi\s+2\.8Gi\s+14Gi$/);
    expect(free[2]).toBe('Swap:             0B          0B          0B');
    expect((await sh(w, 'free --bogus')).stderr).toMatch(/^free: unrecognized option '--bogus'\n\nUsage:\n free \[options\]\n/);
    expect((await sh(w, 'cat /proc/sys/kernel/cap_last_cap')).stdout).toBe('40\n');
    expect((await sh(w, 'echo $$')).stdout).toBe('2045\n');
  });

  it('ps -o NAME= renames a column; all-empty headers leave the header line out', async () => {
    const w = createWorld();
    // procps-ng@v4.0.4:src/ps/sortformat.c format_parse splits at commas, then at '='.
    expect((await sh(w, 'ps -o pid=,comm=')).stdout).toMatch(/^ +2045 bash\n +\d+ ps\n$/);
    expect((await sh(w, 'ps -o stat=')).stdout).toBe('Ss\nR+\n');
    expect((await sh(w, 'ps -o pid,comm=NAME')).stdout).toMatch(/^ +PID NAME\n/);
  });

  it('help: bash 5.2 header, then the programs this host has', async () => {
    const w = createWorld();
    const r = await sh(w, 'help');
    expect(
      r.stdout.startsWith(
        "GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)\nThese shell commands are defined internally.  Type `help' to see this list.\n",
      ),
    ).toBe(true);
    expect(r.stdout).toContain('Programs on this host (/bin):');
    expect(r.stdout).toMatch(/\bdocker\b/);
    expect((await sh(w, 'help cd')).stdout).toMatch(/^cd: cd \[-L\|\[-P \[-e\]\] \[-@\]\] \[dir\]\n {4}Change the shell working directory\./);
  });

  it('a missing command: bash’s own line, then one course note in the page’s language', async () => {
    const w = createWorld();
    const htop = await sh(w, 'htop');
    expect(htop.stderr).toBe('-bash: htop: command not found\n');
    expect(htop.exitCode).toBe(127);
    expect(htop.notes).toEqual(['htop is not simulated; use ps aux and docker stats --no-stream.']);
    const vi = await sh(w, 'vi notes.txt', 'zh-cn');
    expect(vi.notes?.[0]).toContain("cat > file <<'EOF'");
    expect(vi.notes?.[0]).toMatch(/编辑器/);
    expect((await sh(w, 'apt install htop')).notes?.[0]).toContain('no network');
    expect((await sh(w, 'echo ok')).notes).toBeUndefined();
  });

  it('sleep 1d returns at once in simulated time; docker run -d … sleep 10m keeps running', async () => {
    const w = createWorld(undefined, { clock: 'realtime' });
    await sh(w, 'docker pull alpine >/dev/null 2>&1');
    const t = performance.now();
    expect((await sh(w, 'docker run -d --name sl alpine sleep 10m')).exitCode).toBe(0);
    expect((await sh(w, "docker ps --format '{{.Names}} {{.Command}}'")).stdout).toBe('sl "sleep 10m"\n');
    const before = Date.parse((await sh(w, 'date -u +%FT%TZ')).stdout.trim() || '0');
    expect((await sh(w, 'sleep 1d')).exitCode).toBe(0);
    expect(performance.now() - t).toBeLessThan(60_000);
    expect((await sh(w, "docker ps -a --format '{{.Names}} {{.Status}}'")).stdout).toMatch(/^sl Exited \(0\) (2[34] hours|About an hour|\d+ hours) ago\n$/);
    expect(before).not.toBeNaN();
  });
});
