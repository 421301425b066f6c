/**
 * A command whose stderr goes into its stdout (`2>&1`) is found by its words as written, matched against the argv it
 * runs with (src/sim/shell/argvmatch.ts): a word with an expansion stands for what it may become. bash writes each
 * stream as the command writes it, so `2>&1` keeps their order (bash@bash-5.2.21:redir.c do_redirection_internal dup2s
 * fd 2 onto fd 1 before the command runs).
 */
import { Bash } from 'just-bash';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { ANY_WORD, ANY_WORDS, argvMatches, type WordLike, wordPattern } from '../../src/sim/shell/argvmatch.ts';
import { sh } from './helpers.ts';

/** The words of the line's first simple command, as wordPattern reads them. */
function patterns(line: string): string[] {
  const c = new Bash({}).transform(line).ast.statements[0]?.pipelines[0]?.commands[0] as unknown as { name: WordLike; args: WordLike[] };
  return [c.name, ...c.args].map(wordPattern);
}

describe('argvmatch', () => {
  it('reads each word as its text, one word, or any words', () => {
    expect(patterns(`bash -c "$c" x$y *.txt "a b" 'q' $(echo) ~/f "x$y" "$@" "\${a[@]}" a\\ b {1,2}`)).toEqual([
      'bash',
      '-c',
      ANY_WORD,
      ANY_WORDS,
      ANY_WORDS,
      'a b',
      'q',
      ANY_WORDS,
      ANY_WORD,
      ANY_WORD,
      ANY_WORDS,
      ANY_WORDS,
      'a b',
      ANY_WORDS,
    ]);
  });

  it('matches the argv the words may become, and no other', () => {
    expect(argvMatches(['bash', '-c', ANY_WORD], ['bash', '-c', 'ls nope; echo $?'])).toBe(true);
    expect(argvMatches(['bash', '-c', ANY_WORD], ['bash', '-c'])).toBe(false);
    expect(argvMatches(['bash', '-c', ANY_WORD], ['bash', '-c', 'a', 'b'])).toBe(false);
    expect(argvMatches(['ls', ANY_WORDS, '/tmp'], ['ls', '/tmp'])).toBe(true);
    expect(argvMatches(['ls', ANY_WORDS, '/tmp'], ['ls', 'a', 'b', '/tmp'])).toBe(true);
    expect(argvMatches(['ls', ANY_WORDS, '/tmp'], ['ls', 'a', 'b'])).toBe(false);
    expect(argvMatches(['cat', 'f'], ['cat', 'g'])).toBe(false);
  });

  it('tries each pair once: a long line of expansions answers at once', () => {
    const pattern = ['echo', ...Array.from({ length: 40 }, (_, i) => (i % 2 ? 'x' : ANY_WORDS))];
    const argv = ['echo', ...Array.from({ length: 80 }, () => 'x'), 'y'];
    const t0 = performance.now();
    expect(argvMatches(pattern, argv)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('2>&1 on a command whose words are expansions keeps the order written', () => {
  it('bash -c "$c", ls $f: the error comes where it was written', async () => {
    const w = createWorld();
    const want = "ls: cannot access 'nope': No such file or directory\n2\n";
    expect((await sh(w, 'c=\'ls nope; echo $?\'; bash -c "$c" 2>&1')).out).toBe(want);
    expect((await sh(w, 'for c in "ls nope; echo \\$?"; do bash -c "$c" 2>&1; done')).out).toBe(want);
    expect((await sh(w, 'f=nope; bash -c "ls $f; echo \\$?" 2>&1 | cat')).out).toBe(want);
  });

  // Checked against bash 5.2.15 (Debian 12) and GNU ls, `bash -c LINE 2>/dev/null`: each prints the error, then 2.
  it.each(['if true; then ls nope 2>&1; echo $?; fi', 'while true; do ls nope 2>&1; echo $?; break; done', 'ls nope 2>&1 >/dev/null; echo $?'])(
    "a command in a compound command's body: %s",
    async (line) => {
      expect((await sh(createWorld(), line)).out).toBe("ls: cannot access 'nope': No such file or directory\n2\n");
    },
  );
});
