/**
 * A trailing slash on the path of a read, a write, a removal or a walk (session 24). The slash makes the kernel follow
 * the last link and ask for a directory (linux v6.8 fs/namei.c: LOOKUP_FOLLOW | LOOKUP_DIRECTORY): `file/` is
 * ENOTDIR; a write's open with O_CREAT of `name/` is EISDIR (open_last_lookups); unlink, rmdir and rename do not
 * follow the last link even then (do_unlinkat, do_rmdir → may_delete, do_renameat2: ENOTDIR on a link). Texts:
 * coreutils@v9.4 (cat.c, head.c, od.c, wc.c, remove.c, rmdir.c, copy.c, du.c), findutils@v4.9.0 (find/util.c,
 * locale quotes on the host's C.UTF-8), bash-5.2 redir.c (`bash: NAME: strerror`), busybox@1_36_1 (libbb/
 * xfuncs_printf.c open3_or_warn, libbb/copyfd.c, libbb/remove_file.c, coreutils/rmdir.c, coreutils/mv.c,
 * libbb/recursive_action.c, coreutils/du.c). Checked against coreutils 9.1, findutils 4.9.0 and bash 5.2.15 on a
 * Debian 12 machine where their texts are the same.
 */
import { describe, expect, it } from 'vitest';
import type { World } from '../../src/sim/index.ts';
import { createWorld } from '../../src/sim/index.ts';
import { sh, world } from './helpers.ts';

/** /tmp/t: a file f, a directory d holding a, a link lf to f and a link l to d. */
async function tree(w: World = createWorld()): Promise<World> {
  await sh(w, 'mkdir /tmp/t && cd /tmp/t && echo hi > f && mkdir d && echo x > d/a && ln -s f lf && ln -s d l');
  return w;
}

describe('reading name/ (session 24)', () => {
  it('cat, grep, wc, head, tail, od, sort of file/ or of a link to a file: Not a directory, status 1 (2 for grep)', async () => {
    const w = await tree();
    expect(await sh(w, 'cd /tmp/t; cat f/')).toMatchObject({ out: 'cat: f/: Not a directory\n', exitCode: 1 });
    expect((await sh(w, 'cat lf/; cat d/a/')).out).toBe('cat: lf/: Not a directory\ncat: d/a/: Not a directory\n');
    expect(await sh(w, 'grep hi lf/')).toMatchObject({ out: 'grep: lf/: Not a directory\n', exitCode: 2 });
    expect((await sh(w, 'wc f/; od f/')).out).toBe('wc: f/: Not a directory\nod: f/: Not a directory\n');
    expect((await sh(w, 'head f/; tail lf/')).out).toBe(
      "head: cannot open 'f/' for reading: Not a directory\ntail: cannot open 'lf/' for reading: Not a directory\n",
    );
    // The file itself still reads, and a directory read as a file is EISDIR (cat.c: error (0, errno, "%s", quotef)).
    expect((await sh(w, 'cat f lf; cat l/; cat /tmp/t/d')).out).toBe('hi\nhi\ncat: l/: Is a directory\ncat: /tmp/t/d: Is a directory\n');
  });

  it('in alpine, busybox words them its own way', async () => {
    const w = await world(['alpine']);
    const r = await sh(w, 'docker run --rm alpine sh -c "cd /tmp; echo hi > f; mkdir d; ln -s d l; cat f/; cat l/; head f/; grep hi f/"');
    expect(r.out).toBe(
      "cat: can't open 'f/': Not a directory\ncat: read error: Is a directory\nhead: can't open 'f/': Not a directory\ngrep: f/: Not a directory\n",
    );
  });
});

describe('writing name/ (session 24)', () => {
  it('a redirection to file/ or link/ writes nothing: bash says Is a directory', async () => {
    const w = await tree();
    const r = await sh(w, 'echo a > /tmp/t/f/');
    expect(r).toMatchObject({ out: '-bash: /tmp/t/f/: Is a directory\n', exitCode: 1 });
    expect((await sh(w, 'echo b >> /tmp/t/lf/')).out).toBe('-bash: /tmp/t/lf/: Is a directory\n');
    expect((await sh(w, 'cat /tmp/t/f')).out).toBe('hi\n');
  });

  it("busybox ash: can't create NAME: Is a directory", async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine sh -c "echo hi > /tmp/f; echo a > /tmp/f/; cat /tmp/f"')).out).toBe(
      "hi\nsh: can't create /tmp/f/: Is a directory\n",
    );
  });
});

describe('removing and renaming name/ (session 24)', () => {
  it('rm: file/ and link/ are Not a directory; link/ to a directory Is a directory without -r', async () => {
    const w = await tree();
    const r = await sh(w, 'cd /tmp/t; rm f/; rm lf/; rm -r lf/; rm l/; ls -1');
    expect(r.out).toBe(
      "rm: cannot remove 'f/': Not a directory\nrm: cannot remove 'lf/': Not a directory\nrm: cannot remove 'lf/': Not a directory\n" +
        "rm: cannot remove 'l/': Is a directory\nd\nf\nl\nlf\n",
    );
    // -f ignores ENOTDIR as it does ENOENT (remove.c nonexistent_file_errno).
    expect(await sh(w, 'rm -f f/')).toMatchObject({ out: '', exitCode: 0 });
  });

  it('rm -r link/ empties the directory the link names, then fails on the link itself', async () => {
    const w = await tree();
    expect((await sh(w, 'cd /tmp/t; rm -r l/; ls d; ls -l l | cut -c1')).out).toBe("rm: cannot remove 'l/': Not a directory\nl\n");
  });

  it('rmdir link/: Symbolic link not followed; file/: Not a directory', async () => {
    const w = await tree();
    await sh(w, 'cd /tmp/t; mkdir e; ln -s e le');
    expect((await sh(w, 'rmdir l/ le/ f/ lf/; ls -1d e le')).out).toBe(
      "rmdir: failed to remove 'l/': Symbolic link not followed\nrmdir: failed to remove 'le/': Symbolic link not followed\n" +
        "rmdir: failed to remove 'f/': Not a directory\nrmdir: failed to remove 'lf/': Not a directory\ne\nle\n",
    );
  });

  it('mv and cp of file/ cannot stat it; mv of link/ cannot move it; cp -r link/ copies the directory', async () => {
    const w = await tree();
    expect((await sh(w, 'cd /tmp/t; mv f/ g; mv l/ m; cp lf/ g; cp -r l/ c; ls -1; ls c')).out).toBe(
      "mv: cannot stat 'f/': Not a directory\nmv: cannot move 'l/' to 'm': Not a directory\ncp: cannot stat 'lf/': Not a directory\n" + 'c\nd\nf\nl\nlf\na\n',
    );
  });

  it('busybox: rm, rmdir, mv and cp in its words', async () => {
    const w = await world(['alpine']);
    const r = await sh(
      w,
      'docker run --rm alpine sh -c "cd /tmp; echo > f; mkdir d; touch d/a; ln -s d l; rm f/; rm l/; rmdir l/; mv f/ g; cp f/ g; rm -r l/; ls d"',
    );
    expect(r.out).toBe(
      "rm: can't stat 'f/': Not a directory\nrm: 'l/' is a directory\nrmdir: 'l/': Not a directory\nmv: can't rename 'f/': Not a directory\n" +
        "cp: can't stat 'f/': Not a directory\nrm: can't remove 'l/': Not a directory\n",
    );
  });
});

describe('walking from name/ (session 24)', () => {
  it('find prints link/ as given and descends the directory; file/ is refused in the locale quotes', async () => {
    const w = await tree();
    expect((await sh(w, 'cd /tmp/t; find l/ -maxdepth 0; find l/; find /tmp/t/l/ -name a; find d/')).out).toBe('l/\nl/\nl/a\n/tmp/t/l/a\nd/\nd/a\n');
    expect(await sh(w, 'find f/ d')).toMatchObject({ out: 'find: ‘f/’: Not a directory\nd\nd/a\n', exitCode: 1 });
  });

  it('du sums the directory link/ names and prints it as spelled; file/ cannot be accessed', async () => {
    const w = await tree();
    expect((await sh(w, 'cd /tmp/t; du -a l/; du f/')).out).toBe("1\tl/a\n1\tl/\ndu: cannot access 'f/': Not a directory\n");
  });

  // (touch, not `echo >`: a line that redirects prints its commands' output as for a pipe, in the order the
  // simulator flushes it, which splits find's lines around the errors after them: not this file's matter.)
  it('busybox find and du', async () => {
    const w = await world(['alpine']);
    expect((await sh(w, 'docker run --rm alpine sh -c "cd /tmp; touch f; mkdir d; touch d/a; ln -s d l; find l/; find f/; du f/"')).out).toBe(
      'l/\nl/a\nfind: f/: Not a directory\ndu: f/: Not a directory\n',
    );
  });
});
