import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { ps4Prefix } from '../../src/sim/shell/xtrace.ts';

/** What the terminal shows for `line`, stdout and stderr in the order written. */
async function shown(w: ReturnType<typeof createWorld>, line: string): Promise<string> {
  let out = '';
  await w.exec(line, { onOutput: (c) => (out += c.text) });
  return out;
}

// `set -x` at bash 5.2.21's prompt (issue #10): bash@bash-5.2:print_cmd.c xtrace_print_word_list and
// xtrace_print_assignment write each trace line before the command runs, beginning with indirection_level_string ().
describe('set -x', () => {
  it("indirection_level_string: PS4's first character once per level, then the rest (print_cmd.c)", () => {
    expect(ps4Prefix('+ ', 1)).toBe('+ ');
    expect(ps4Prefix('+ ', 3)).toBe('+++ ');
    expect(ps4Prefix('>> ', 2)).toBe('>>> ');
    expect(ps4Prefix('', 2)).toBe('');
  });

  it('traces each command on stderr before its output; quotes words as bash does; traces assignments and set +x', async () => {
    const w = createWorld();
    const out = await shown(w, `set -x; echo "a b"; x=1; echo "it's"; set +x; echo untraced`);
    expect(out).toBe(`+ echo 'a b'\na b\n+ x=1\n+ echo 'it'\\''s'\nit's\n+ set +x\nuntraced\n`);
  });

  it('quotes as xtrace_print_word_list (sh_contains_shell_metas → sh_single_quote) and xtrace_print_assignment do', async () => {
    const w = createWorld();
    expect(await shown(w, `set -x; y="a b"; z=plain; w=; echo '*' '~x' 'a~' '#c' 'd#' ''; set +x`)).toBe(
      "+ y='a b'\n+ z=plain\n+ w=\n+ echo '*' '~x' a~ '#c' d# ''\n* ~x a~ #c d# \n+ set +x\n",
    );
  });

  it('a command substitution adds a level (evalstring.c parse_and_execute: indirection_level++); a subshell does not', async () => {
    const w = createWorld();
    expect(await shown(w, 'set -x; echo $(echo hi); ( echo sub )')).toBe('++ echo hi\n+ echo hi\nhi\n+ echo sub\nsub\n');
    expect(await shown(w, 'echo "$(echo $(echo deep))"')).toBe('+++ echo deep\n++ echo deep\n+ echo deep\ndeep\n');
  });

  it("stays on for the next lines; a command's stderr comes after its trace; the simulator's own commands are not shown", async () => {
    const w = createWorld();
    await shown(w, 'set -x');
    expect(await shown(w, 'ls /nonexist; echo b')).toBe("+ ls /nonexist\nls: cannot access '/nonexist': No such file or directory\n+ echo b\nb\n");
    expect(await shown(w, 'f() { echo in f; }; f; type ls')).toBe('+ f\n+ echo in f\nin f\n+ type ls\nls is /usr/bin/ls\n');
    expect(await shown(w, 'set +x')).toBe('+ set +x\n');
    // The interpreter's PS4 of the traced lines is not left to the shell.
    expect(await shown(w, 'echo "[$PS4]"')).not.toContain('__cc_xt');
  });
});
