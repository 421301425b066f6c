/**
 * `set -x` lines just-bash leaves out or misplaces (src/sim/shell/xtrace-marks.ts), $'…' quoting of unprintable
 * characters (shell/ansic.ts), and SHLVL in the environment (session 22). Each expectation was compared with bash
 * 5.2.15 on this machine (Debian's, close to node1's 5.2.21; bash@bash-5.2.21:print_cmd.c, execute_cmd.c,
 * lib/sh/strtrans.c read for the differences).
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';

async function shown(w: ReturnType<typeof createWorld>, line: string): Promise<string> {
  let out = '';
  await w.exec(line, { onOutput: (c) => (out += c.text) });
  return out;
}

describe('set -x (bash 5.2)', () => {
  it('traces a for loop\'s head before each pass, its words as typed; `for j; do` as in "$@"; $? kept', async () => {
    const w = createWorld();
    expect(await shown(w, 'false; set -x; for i in "a b" c; do echo $i $?; done; f() { for k; do :; done; }; f x; set +x')).toBe(
      ['+ for i in "a b" c', '+ echo a b 0', 'a b 0', '+ for i in "a b" c', '+ echo c 0', 'c 0', '+ f x', '+ for k in "$@"', '+ :', '+ set +x', ''].join('\n'),
    );
    expect(await shown(w, 'false; for i in a; do echo $?; done')).toBe('1\n');
    expect(await shown(w, 'set -x; echo "$(for m in 1; do echo $m; done)"; set +x')).toBe('++ for m in 1\n++ echo 1\n+ echo 1\n1\n+ set +x\n');
  });

  it('a command whose stderr goes to /dev/null is still traced (the trace is written before the redirections)', async () => {
    const w = createWorld();
    expect(await shown(w, 'set -x; cd /tmp 2>/dev/null; ls /nonexist 2>/dev/null; echo $?; cd /nonexist &>/dev/null; set +x')).toBe(
      '+ cd /tmp\n+ ls /nonexist\n+ echo 2\n2\n+ cd /nonexist\n+ set +x\n',
    );
  });

  it('traces exit (a subshell it leaves counts no more), and eval one level deeper', async () => {
    const w = createWorld();
    expect(await shown(w, "set -x; eval 'echo ev'; echo $(echo a; exit 2; echo b); (exit 3); echo $?; set +x")).toBe(
      "+ eval 'echo ev'\n++ echo ev\nev\n++ echo a\n++ exit 2\n+ echo a\na\n+ exit 3\n+ echo 3\n3\n+ set +x\n",
    );
  });

  it("quotes an unprintable word or value as $'…' (ansic_quote), ESC as \\E in declare -p", async () => {
    const w = createWorld();
    expect(await shown(w, "set -x; x=$'\\x01'; echo $'\\x01' $'\\r' >/dev/null; set +x; declare -p x")).toBe(
      "+ x=$'\\001'\n+ echo $'\\001' $'\\r'\n+ set +x\ndeclare -- x=$'\\001'\n",
    );
    expect(await shown(w, "y=$'\\e[1m'; declare -p y; printf '%q\\n' \"$y\"")).toBe("declare -- y=$'\\E[1m'\n$'\\E[1m'\n");
  });
});

describe('SHLVL', () => {
  it('is exported: 1 in the login shell, one more in each bash below it, as dash leaves it', async () => {
    const w = createWorld();
    expect(await shown(w, 'env | grep ^SHLVL; printenv SHLVL; bash -c "env | grep ^SHLVL"; sh -c "printenv SHLVL"; env -i bash -c \'echo $SHLVL\'')).toBe(
      'SHLVL=1\n1\nSHLVL=2\n1\n1\n',
    );
  });
});
