/**
 * Run by `npm install` in this repository (the `prepare` script, before the CLI's bundle is built; not by an install
 * of the packed tarball, whose bundle already has it): two changes to just-bash's built files: the first (issue #10's
 * p99) here, the second (file-type tests) below.
 *
 * just-bash hands each command its context through a revocable membrane (its `runCommand`'s context sandbox): a Proxy
 * over `fs`, `env` and each Map, a copy of every property descriptor, of every byte array and object a call returns,
 * a promise hop per call, a guard on each of the context's functions, and an AbortController of the command's own. It
 * guards against an extension that keeps its context after it returns. The simulator's shells run only this project's
 * commands and just-bash's own, with defense in depth off (src/sim/shell/runtime.ts: no learner code runs as
 * JavaScript), and the membrane was 10-25 % of a lesson line's time (session 23, interleaved runs of an unminified
 * bundle of the sources, with and without it: the bench's ten lines' p50 summed 16.8 → 14.3 ms, `run --rm` 3.04 → 2.69).
 *
 * The change: a command of a shell whose coverage hook carries the simulator's mark (src/sim/shell/shared.ts
 * OWN_COMMANDS), and whose defense wrapper is off, gets the context runCommand made for it, with the membrane's
 * behaviour kept where a line's course depends on it: the command's signal is its own, aborted when the command is
 * revoked (its end, or the line's abort, when runCommand's race revokes it), and the context's functions (exec,
 * origCommand, sleep, ...) refuse to run, or to hand back a result, after that (a stopped command's late result is
 * dropped: `timeout 1 sh -c 'echo hi; sleep 5'` keeps its `hi`). What is dropped: the proxies and the copies. Byte
 * arrays come as the filesystem holds them; just-bash 3.4.2's commands that read them (file, gzip, rg, strings, od,
 * split) only read them. Every other shell, a test's or another program's, keeps the membrane.
 *
 * The files are minified, so the function is found by what it does, not by name: its cancellation message, and the
 * two `let`s it starts with. A just-bash whose files have no such function fails the install, naming the file: the
 * change must then be looked at again, not skipped. Running it twice changes nothing (the mark).
 * tests/sim/just-bash-patch.test.ts checks what Vitest and the bundles load.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';

const MARK = '/*cc:own-commands-skip-membrane:2*/';
/** The first version's mark (session 23): a file carrying it gets that change taken out, then this one (`fastText`). */
const MARK_1 = '/*cc:own-commands-skip-membrane*/';
/** just-bash's builds: the browser bundle (the site, the CLI and the bench alias to it), ESM (Vitest, tsx) and CommonJS. */
const FILES = ['dist/bundle/browser.js', 'dist/bundle/index.js', 'dist/bundle/index.cjs'];
/** `function c3(e,t){let n=!0,r=e.signal?new AbortController:void 0,` in whatever names the minifier chose. */
const HEAD = /function ([\w$]+)\(([\w$]+),([\w$]+)\)\{let ([\w$]+)=!0,([\w$]+)=\2\.signal\?new AbortController:void 0,/g;

const require = createRequire(import.meta.url);
/** just-bash's folder: up from its entry to its package.json (its `exports` do not list package.json). */
function packageRoot() {
  let dir = dirname(require.resolve('just-bash'));
  while (dir !== parse(dir).root) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'just-bash') return { root: dir, version: pkg.version };
    } catch {}
    dir = dirname(dir);
  }
  return undefined;
}
const found = packageRoot();
if (!found) {
  console.error('patch-just-bash: just-bash is installed without its package.json; reinstall it (npm install)');
  process.exit(1);
}
const { root, version } = found;

let failed = false;
for (const rel of FILES) {
  const file = join(root, rel);
  let text = readFileSync(file, 'utf8');
  if (text.includes(MARK)) continue;
  if (text.includes(MARK_1)) {
    const was = unpatch1(text);
    if (was === undefined) {
      console.error(
        `patch-just-bash: just-bash ${version}: ${rel}: an earlier change is there, not as this script made it; reinstall just-bash (rm -rf node_modules/just-bash && npm install)`,
      );
      failed = true;
      continue;
    }
    text = was;
  }
  const heads = [...text.matchAll(HEAD)].filter((m) => text.slice(m.index, m.index + 600).includes('used its context after cancellation'));
  if (heads.length !== 1) {
    console.error(
      `patch-just-bash: just-bash ${version}: ${rel}: expected one context membrane (runCommand's sandbox), found ${heads.length}; scripts/patch-just-bash.mjs must be brought up to date`,
    );
    failed = true;
    continue;
  }
  const m = heads[0];
  const [, name, ctx, command] = m;
  // The error class its messages are thrown and its signal aborted with (minified: a name of the file's own).
  const error = /throw new ([\w$]+)\("",`bash: \$\{[\w$]+\} used its context after cancellation/.exec(text.slice(m.index, m.index + 600))?.[1];
  if (!error) {
    console.error(
      `patch-just-bash: just-bash ${version}: ${rel}: the membrane's error class was not found; scripts/patch-just-bash.mjs must be brought up to date`,
    );
    failed = true;
    continue;
  }
  const at = m.index + `function ${name}(${ctx},${command}){`.length;
  // What the membrane does besides its copies and proxies, kept: the context's functions (exec, origCommand, sleep, ...)
  // refuse to run, or to hand back their result, once the command is revoked (its end, or the line's abort: runCommand's
  // race revokes it then; a stopped command's late result is dropped so), and the command's signal is its own, aborted
  // then. The context is runCommand's fresh object for this command: it is changed in place.
  const fast = fastText(2, ctx, command, error);
  writeFileSync(file, `${text.slice(0, at)}${MARK}${fast}${text.slice(at)}`);
}

/**
 * The second change: bash's file tests -b, -c, -p and -S (bash-5.2:test.c unary_test: S_ISBLK, S_ISCHR, S_ISFIFO,
 * S_ISSOCK of stat(2)'s st_mode) ask the filesystem. just-bash answers -b, -p and -S false and -c from a list of eight
 * names (/dev/null … /dev/stderr), so `test -c /dev/pts/0` and `[ -b /dev/sda ]` were false on node1 (fs/devfs.ts
 * gives its nodes S_IFCHR and S_IFBLK). Now a test is true when the file's type bits say so; otherwise its answer is
 * just-bash's own (a filesystem without type bits keeps the list). Found by its cases, in whatever names the minifier
 * chose; marked so a second run changes nothing.
 */
const MARK2 = '/*cc:file-type-tests*/';
const TESTS =
  /case"-G":case"-O":return ([\w$]+)\.fs\.exists\(([\w$]+)\);case"-b":return!1;case"-c":return(\[[^\]]*\]\.includes\(\2\));case"-p":return!1;case"-S":return!1;/g;
for (const rel of FILES) {
  const file = join(root, rel);
  const text = readFileSync(file, 'utf8');
  if (text.includes(MARK2)) continue;
  const found = [...text.matchAll(TESTS)];
  if (found.length !== 1) {
    console.error(
      `patch-just-bash: just-bash ${version}: ${rel}: expected one file-test switch (-b, -c, -p, -S), found ${found.length}; scripts/patch-just-bash.mjs must be brought up to date`,
    );
    failed = true;
    continue;
  }
  const [whole, ctx, path, list] = found[0];
  // S_IFMT 0170000, S_IFBLK 060000, S_IFCHR 020000, S_IFIFO 010000, S_IFSOCK 0140000 (in decimal).
  const is = (fmt, otherwise) => `return(async()=>{try{if(((await ${ctx}.fs.stat(${path})).mode&61440)===${fmt})return!0}catch{}return ${otherwise}})();`;
  const patched =
    `${MARK2}case"-G":case"-O":return ${ctx}.fs.exists(${path});` +
    `case"-b":${is(24576, '!1')}case"-c":${is(8192, list)}case"-p":${is(4096, '!1')}case"-S":${is(49152, '!1')}`;
  const at = found[0].index;
  writeFileSync(file, `${text.slice(0, at)}${patched}${text.slice(at + whole.length)}`);
}
if (failed) process.exit(1);

/**
 * The change for a membrane `function NAME(ctx,command){…}` whose errors are `new error(…)`. Version 1 (session 23)
 * aborted a revoked command's signal with an Error made then, its stack trace captured: just-bash's grep reads its
 * signal, so each grep paid for one (issue #10's p99). Version 2 makes that Error without a trace (nothing reads it: the
 * reason is the message a late read of the signal finds).
 */
function fastText(v, ctx, command, error) {
  const own = `${ctx}.coverage?.[Symbol.for("container-course:own-commands")]`;
  const dead = `new ${error}("",\`bash: \${${command}} used its context after cancellation\n\`)`;
  const made = `new ${error}("",\`bash: \${${command}} context revoked\n\`)`;
  const revoked = v === 1 ? made : '$ccRevoked()';
  // The command's own signal is made when the command first reads it (few do: a child shell's exec, sleep, grep).
  return (
    `if(!${ctx}.requireDefenseContext&&${own}){let $ccLive=!0,$ccCtl;` +
    (v === 1 ? '' : `const $ccRevoked=()=>{const l=Error.stackTraceLimit;Error.stackTraceLimit=0;try{return ${made}}finally{Error.stackTraceLimit=l}};`) +
    `if(${ctx}.signal)Object.defineProperty(${ctx},"signal",{configurable:!0,enumerable:!0,get(){if(!$ccCtl){$ccCtl=new AbortController;if(!$ccLive)$ccCtl.abort(${revoked})}return $ccCtl.signal}});` +
    `const $ccGuard=(f)=>f&&((...a)=>{if(!$ccLive)throw ${dead};const v=f(...a);return v instanceof Promise?v.then((r)=>{if(!$ccLive)throw ${dead};return r}):v});` +
    `for(const k of ["assignShellVariable","exec","origCommand","execWithInheritedStdin","fetch","getRegisteredCommands","sleep","trace","invokeTool"])${ctx}[k]=$ccGuard(${ctx}[k]);` +
    `return{context:${ctx},revoke(){$ccLive=!1;$ccCtl?.signal.aborted||$ccCtl?.abort(${revoked})}}}`
  );
}

/** `text` without version 1's change, or undefined when what follows its mark is not exactly what version 1 wrote. */
function unpatch1(text) {
  const at = text.indexOf(MARK_1);
  const head = /function [\w$]+\(([\w$]+),([\w$]+)\)\{$/.exec(text.slice(Math.max(0, at - 200), at));
  const error = /throw new ([\w$]+)\("",`bash: \$\{[\w$]+\} used its context after cancellation/.exec(text.slice(at, at + 1200))?.[1];
  if (!head || !error || text.indexOf(MARK_1, at + 1) >= 0) return undefined;
  const was = `${MARK_1}${fastText(1, head[1], head[2], error)}`;
  return text.startsWith(was, at) ? text.slice(0, at) + text.slice(at + was.length) : undefined;
}
