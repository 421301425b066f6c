import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { sh } from './helpers.ts';

// What an interactive shell keeps from one line to the next besides its variables (src/sim/shell/shellstate.ts).
describe('functions, aliases and options across lines', () => {
  it('keeps a function defined on one line for the next, until unset -f (bash 5.2: one shell process)', async () => {
    const w = createWorld();
    expect(await sh(w, 'f() { echo hi; }')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'f')).toMatchObject({ out: 'hi\n', exitCode: 0 });
    // bash-5.2:builtins/type.def: "%s is a function\n", then the body as named_function_string prints it.
    expect((await sh(w, 'type f')).out).toBe('f is a function\nf () \n{ \n    echo hi\n}\n');
    // declare -f: the definition alone (bash-5.2:builtins/declare.def); a name that is no function: status 1, silently.
    expect((await sh(w, 'declare -f f')).out).toBe('f () \n{ \n    echo hi\n}\n');
    expect(await sh(w, 'declare -f nosuch')).toMatchObject({ out: '', exitCode: 1 });
    expect(await sh(w, 'function g { echo g$1; }; unset -f f')).toMatchObject({ out: '', exitCode: 0 });
    expect(await sh(w, 'g 2; f')).toMatchObject({ out: 'g2\n-bash: f: command not found\n', exitCode: 127 });
  });

  it("keeps the line's status with the functions ($? on the next line)", async () => {
    const w = createWorld();
    await sh(w, 'f() { return 3; }');
    expect(await sh(w, 'f')).toMatchObject({ exitCode: 3 });
    expect((await sh(w, 'echo $?')).out).toBe('3\n');
  });

  it('keeps a function defined only when its definition ran', async () => {
    const w = createWorld();
    await sh(w, 'if false; then f() { echo no; }; fi; g() { echo yes; }');
    expect((await sh(w, 'f; g')).out).toBe('-bash: f: command not found\nyes\n');
  });

  it('does not hand the functions to a child shell (no export -f)', async () => {
    const w = createWorld();
    await sh(w, 'f() { echo hi; }');
    expect(await sh(w, "bash -c 'f'")).toMatchObject({ out: 'bash: line 1: f: command not found\n', exitCode: 127 });
  });

  it('expands an alias defined on an earlier line (interactive bash: expand_aliases on)', async () => {
    const w = createWorld();
    await sh(w, "alias ll='ls -ld'");
    expect((await sh(w, 'll /etc')).out).toMatch(/^drwxr-xr-x \d+ root root \d+ \w{3} [ \d]\d \d\d:\d\d \/etc\n$/);
    // bash-5.2:builtins/alias.def print_alias: "alias %s=%s\n" with the value single-quoted.
    expect((await sh(w, 'alias')).out).toBe("alias ll='ls -ld'\n");
    // bash-5.2:builtins/type.def: "%s is aliased to `%s'\n".
    expect((await sh(w, 'type ll')).out).toBe("ll is aliased to `ls -ld'\n");
    await sh(w, 'unalias ll');
    expect(await sh(w, 'll')).toMatchObject({ out: '-bash: ll: command not found\n', exitCode: 127 });
    // bash-5.2:builtins/alias.def: sh_notfound, as a builtin_error.
    expect(await sh(w, 'unalias ll')).toMatchObject({ out: '-bash: unalias: ll: not found\n', exitCode: 1 });
  });

  it('keeps set -o options (noglob, xtrace) without tracing its own commands', async () => {
    const w = createWorld();
    await sh(w, 'set -o noglob');
    expect((await sh(w, 'echo /e*')).out).toBe('/e*\n');
    await sh(w, 'set +f; set -x');
    const r = await sh(w, 'echo /e*');
    expect(r.stderr + r.out).toContain('+ echo /etc\n');
    expect(r.stderr + r.out).not.toContain('__cc');
    expect(r.stderr + r.out).not.toContain('declare -F');
  });

  it('keeps functions in a container shell (busybox ash)', async () => {
    const w = createWorld();
    await w.exec('docker run -it alpine sh');
    await sh(w, 'f() { echo in-ash; }');
    expect((await sh(w, 'f')).out).toBe('in-ash\n');
  });
});
