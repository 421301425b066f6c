import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// bash 5.2.21 where just-bash 3.4.2 answers otherwise (src/sim/shell/bashsem.ts): `${x:?}` and an assignment's status.
describe('${NAME:?WORD} (bash@bash-5.2.21:subst.c parameter_brace_expand_error)', () => {
  it('at the prompt: "-bash: NAME: WORD", status 1, the rest of the line dropped, the shell keeps its directory', async () => {
    const w = createWorld();
    expect(await sh(w, 'cd /tmp; v=1; echo ${x:?is required}; echo after')).toMatchObject({ out: '-bash: x: is required\n', exitCode: 1 });
    expect((await sh(w, 'echo $? $v; pwd')).out).toBe('1 1\n/tmp\n');
    expect(w.prompt()).toBe('root@node1:/tmp# ');
  });

  it('without a word: "parameter null or not set" (`:?`), "parameter not set" (`?`)', async () => {
    const w = createWorld();
    expect((await sh(w, 'x=; echo ${x:?}')).out).toBe('-bash: x: parameter null or not set\n');
    expect((await sh(w, 'echo "${y?}"')).out).toBe('-bash: y: parameter not set\n');
    expect((await sh(w, 'x=1; echo ${x:?} ${x?}')).out).toBe('1 1\n');
  });

  it('in a script: bash exits 1 naming the file and line; dash 2 with its "N: " and " or null" (dash src/expand.c varunset)', async () => {
    const w = createWorld();
    await sh(w, "printf 'echo x\\necho ${u:?bad}\\necho y\\n' > /tmp/s.sh");
    expect(await sh(w, 'bash /tmp/s.sh')).toMatchObject({ out: 'x\n/tmp/s.sh: line 2: u: bad\n', exitCode: 1 });
    expect(await sh(w, 'sh /tmp/s.sh')).toMatchObject({ out: 'x\n/tmp/s.sh: 2: u: bad\n', exitCode: 2 });
    expect(await sh(w, "sh -c 'echo ${q:?}'")).toMatchObject({ out: 'sh: 1: q: parameter not set or null\n', exitCode: 2 });
    expect(await sh(w, "bash -c 'echo a; echo ${q?}; echo b'")).toMatchObject({ out: 'a\nbash: line 1: q: parameter not set\n', exitCode: 1 });
  });
});

describe('a command of assignments only (execute_cmd.c execute_null_command)', () => {
  it('sets $? to 0, or to the status of its last command substitution', async () => {
    const w = createWorld();
    expect((await sh(w, 'false; x=3; echo $?')).out).toBe('0\n');
    expect((await sh(w, 'ls /nonexist 2>/dev/null; n=1; echo $?')).out).toBe('0\n');
    expect((await sh(w, 'false; x=$(exit 4); echo $?')).out).toBe('4\n');
    // The assignment reads the status before it; `$_` is empty after it (execute_simple_command: bind_lastarg (NULL)).
    expect((await sh(w, 'false; rc=$?; echo $rc $?')).out).toBe('1 0\n');
    expect((await sh(w, 'echo hi >/dev/null; x=3; echo "[$_]"')).out).toBe('[]\n');
    expect((await sh(w, "bash -c 'false; a=1; echo $?'")).out).toBe('0\n');
    // A loop's assignments are left as they are: 2,000 of them stay within the line's 3,000 commands (limits.ts).
    expect(await sh(w, 'for i in $(seq 2000); do n=$i; done; echo $n')).toMatchObject({ out: '2000\n', exitCode: 0 });
    // The status it is given is the simulator's, not the script's: `set -x` traces the assignment only.
    expect((await sh(w, "bash -c 'set -x; x=3' 2>&1 | cat")).out).toBe('+ x=3\n');
  });
});

describe('$BASH_VERSION', () => {
  it("is Ubuntu 24.04's bash 5.2.21 in bash, unset in dash", async () => {
    const w = createWorld();
    expect((await sh(w, 'echo $BASH_VERSION "${BASH_VERSION}"')).out).toBe('5.2.21(1)-release 5.2.21(1)-release\n');
    expect((await sh(w, `sh -c 'echo "[$BASH_VERSION]"'`)).out).toBe('[]\n');
  });
});

describe('set -o (bash@bash-5.2.21:builtins/set.def, src/sim/shell/setopt.ts)', () => {
  it('lists o_options[] as "%-15s\\t%s", an interactive shell with emacs, history, histexpand and monitor on', async () => {
    const w = createWorld();
    const out = (await sh(w, 'set -o')).out.split('\n');
    expect(out).toHaveLength(28);
    expect(out.slice(0, 3)).toEqual(['allexport      \toff', 'braceexpand    \ton', 'emacs          \ton']);
    expect(out).toContain('interactive-comments\ton');
    expect(out.filter((l) => l.endsWith('\ton')).map((l) => l.split(' ')[0]?.split('\t')[0])).toEqual([
      'braceexpand',
      'emacs',
      'hashall',
      'histexpand',
      'history',
      'interactive-comments',
      'monitor',
    ]);
  });

  it('shows what the line set, `set +o` as commands; a script has no emacs, history or monitor', async () => {
    const w = createWorld();
    expect((await sh(w, "set -o pipefail; set +o | grep -E 'pipefail|xtrace'; set +o pipefail")).out).toBe('set -o pipefail\nset +o xtrace\n');
    expect((await sh(w, `bash -c 'set -o | grep -E "^(emacs|monitor|hashall)"'`)).out).toBe(
      'emacs          \toff\nhashall        \ton\nmonitor        \toff\n',
    );
  });

  it('an unknown name: "set: NAME: invalid option name", status 2 (EX_USAGE), in its place on the line', async () => {
    const w = createWorld();
    expect((await sh(w, 'set -o nosuch; echo $?')).out).toBe('-bash: set: nosuch: invalid option name\n2\n');
    expect(await sh(w, "bash -c 'echo a; set +o bogus'")).toMatchObject({ out: 'a\nbash: line 1: set: bogus: invalid option name\n', exitCode: 2 });
  });
});

describe('help cd (bash@bash-5.2.21:builtins/cd.def, builtin-docs.ts)', () => {
  it("prints cd's $SHORT_DOC and its long doc, each line indented by 4", async () => {
    const w = createWorld();
    const out = (await sh(w, 'help cd')).out.split('\n');
    expect(out.slice(0, 3)).toEqual(['cd: cd [-L|[-P [-e]] [-@]] [dir]', '    Change the shell working directory.', '    ']);
    expect(out).toContain("    If the directory is not found, and the shell option `cdable_vars' is set,");
    expect(out.at(-2)).toBe('    -P is used; non-zero otherwise.');
  });
});
