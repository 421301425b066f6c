/**
 * Build tools in RUN: `go build` / `go mod download`, `npm ci` / `npm install`,
 * `make`. Output sizes (documented, used by the L9 fixtures):
 * - go build: 2.01 MB + 3 bytes per byte of .go source + 400 kB per required
 *   module, 70 % of that with `-ldflags="-s -w"` (so an edited source gives a
 *   different binary, and a COPY --from of it is not a cache hit); the build cache adds 3.6 MB under
 *   $HOME/.cache/go-build unless that path is a `--mount=type=cache` target.
 * - go mod download: 1.5 MB per `require`d module under $GOPATH/pkg/mod.
 * - npm ci/install: 180 kB per package of package-lock.json (dev ones skipped
 *   with --omit=dev), plus half of that in ~/.npm/_cacache.
 * - make: builds `app` (37.9 MB + the bytes of the .c sources) in the
 *   Makefile's directory; `make install` installs it as /usr/local/bin/app
 *   and removes the build copy. Needs make and gcc in the image.
 */
import { joinPath, parentOf } from '../image/tree.ts';
import { put, say, spend, TOOLS, which, type ShellContext } from './shell.ts';
import { flagValue, readText, writeText } from './tools.ts';

function findUp(ctx: ShellContext, file: string): string | undefined {
  let dir = ctx.cwd;
  for (;;) {
    const p = joinPath(dir, file);
    if (ctx.root.stat(p)?.type === 'file') return p;
    if (dir === '/') return undefined;
    dir = parentOf(dir);
  }
}

/** Number and total bytes of the source files with a suffix below a directory. */
function sources(ctx: ShellContext, dir: string, suffix: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const name of ctx.root.readdir(d)) {
      const p = joinPath(d, name);
      const e = ctx.root.stat(p);
      if (e?.type === 'dir' && name !== 'vendor' && name !== 'node_modules') walk(p);
      else if (e?.type === 'file' && name.endsWith(suffix)) {
        count++;
        bytes += e.size;
      }
    }
  };
  walk(dir);
  return { count, bytes };
}

TOOLS['go'] = (args, ctx, env) => {
  const sub = args[0];
  if (sub === 'version') {
    say(ctx, 'go version go1.22.5 linux/amd64');
    return 0;
  }
  if (sub === 'env' || sub === 'vet' || sub === 'test' || sub === 'fmt') return 0;
  const mod = findUp(ctx, 'go.mod');
  if (!mod) {
    say(ctx, "go: go.mod file not found in current directory or any parent directory; see 'go help modules'");
    return 1;
  }
  const gomod = readText(ctx, mod) ?? '';
  const gopath = env.get('GOPATH') ?? '/go';
  const requires = [...gomod.matchAll(/^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/\S+)\s+v\S+/gm)].length;
  if (sub === 'mod' && args[1] === 'download') {
    if (requires > 0) put(ctx, `${gopath}/pkg/mod/cache/download/modules.zip`, { size: 1_500_000 * requires }, { mode: 0o644 });
    spend(ctx, 600 + 400 * requires);
    return 0;
  }
  if (sub === 'build' || sub === 'install') {
    const src = sources(ctx, parentOf(mod), '.go');
    const goFiles = src.count;
    if (goFiles === 0) {
      say(ctx, `no Go files in ${ctx.cwd}`);
      return 1;
    }
    const module = /^module\s+(\S+)/m.exec(gomod)?.[1] ?? 'main';
    const ldflags = flagValue(args, '-ldflags', '--ldflags') ?? '';
    const stripped = /-s\b/.test(ldflags) && /-w\b/.test(ldflags);
    const size = Math.round((2_010_000 + 3 * src.bytes + 400_000 * requires) * (stripped ? 0.7 : 1));
    let out = flagValue(args, '-o') ?? (sub === 'install' ? `${gopath}/bin/${module.split('/').pop()}` : module.split('/').pop()!);
    out = joinPath(ctx.cwd, out);
    if (ctx.root.stat(out)?.type === 'dir' || (flagValue(args, '-o') ?? '').endsWith('/')) out = joinPath(out, module.split('/').pop()!);
    ctx.root.mkdir(parentOf(out), { recursive: true });
    put(ctx, out, { size }, { mode: 0o755 });
    put(ctx, `${env.get('HOME') ?? '/root'}/.cache/go-build/cache.bin`, { size: 3_600_000 }, { mode: 0o644 });
    if (requires > 0 && !ctx.root.stat(`${gopath}/pkg/mod/cache/download/modules.zip`)) put(ctx, `${gopath}/pkg/mod/cache/download/modules.zip`, { size: 1_500_000 * requires }, { mode: 0o644 });
    spend(ctx, 3_800 + 150 * goFiles);
    return 0;
  }
  say(ctx, `go ${sub ?? ''}: unknown command\nRun 'go help' for usage.`.replace('go : unknown', 'go: unknown'));
  return 2;
};

interface Lock {
  packages?: Record<string, { dev?: boolean }>;
}

TOOLS['npm'] = (args, ctx, env) => {
  const sub = args[0];
  const home = env.get('HOME') ?? '/root';
  if (sub === 'cache' && args.includes('clean')) {
    if (ctx.root.lstat(`${home}/.npm`)) ctx.root.remove(`${home}/.npm`, { recursive: true });
    return 0;
  }
  if (sub === 'run' || sub === 'test' || sub === 'start') {
    if (args[1] === 'build') put(ctx, joinPath(ctx.cwd, 'dist/main.js'), { size: 420_000 }, { mode: 0o644 });
    spend(ctx, 1500);
    return 0;
  }
  if (sub !== 'ci' && sub !== 'install' && sub !== 'i') return 0;
  const pkgJson = readText(ctx, joinPath(ctx.cwd, 'package.json'));
  const lockText = readText(ctx, joinPath(ctx.cwd, 'package-lock.json'));
  if (!pkgJson) {
    say(ctx, `npm ERR! code ENOENT\nnpm ERR! syscall open\nnpm ERR! path ${joinPath(ctx.cwd, 'package.json')}\nnpm ERR! errno -2\nnpm ERR! enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${joinPath(ctx.cwd, 'package.json')}'`);
    return 254;
  }
  if (sub === 'ci' && !lockText) {
    say(ctx, 'npm ERR! code EUSAGE\nnpm ERR! \nnpm ERR! The `npm ci` command can only install with an existing package-lock.json or\nnpm ERR! npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm ERR! later to generate a package-lock.json file, then try again.');
    return 1;
  }
  const omitDev = args.some((a) => a === '--omit=dev' || a === '--only=production' || a === '--production');
  let names: string[];
  try {
    if (lockText) {
      const lock = JSON.parse(lockText) as Lock;
      names = Object.entries(lock.packages ?? {}).filter(([k, v]) => k !== '' && !(omitDev && v.dev)).map(([k]) => k.replace(/^node_modules\//, ''));
    } else {
      const pkg = JSON.parse(pkgJson) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
      names = [...Object.keys(pkg.dependencies ?? {}), ...(omitDev ? [] : Object.keys(pkg.devDependencies ?? {}))];
    }
  } catch (e) {
    say(ctx, `npm ERR! code EJSONPARSE\nnpm ERR! JSON.parse ${(e as Error).message}`);
    return 1;
  }
  for (const n of names) put(ctx, joinPath(ctx.cwd, `node_modules/${n}/index.js`), { size: 180_000 }, { mode: 0o644 });
  writeText(ctx, joinPath(ctx.cwd, 'node_modules/.package-lock.json'), `{"lockfileVersion":3,"packages":${names.length}}\n`);
  if (names.length) put(ctx, `${home}/.npm/_cacache/content-v2/sha512/bundle`, { size: 90_000 * names.length }, { mode: 0o644 });
  spend(ctx, 1200 + 40 * names.length);
  say(ctx, `\nadded ${names.length} packages, and audited ${names.length + 1} packages in ${Math.max(1, Math.round((1200 + 40 * names.length) / 1000))}s\n\nfound 0 vulnerabilities`);
  return 0;
};

TOOLS['make'] = (args, ctx) => {
  const dir = joinPath(ctx.cwd, flagValue(args, '-C') ?? '.');
  const targets = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-C');
  if (!ctx.root.stat(joinPath(dir, 'Makefile')) && !ctx.root.stat(joinPath(dir, 'makefile'))) {
    say(ctx, 'make: *** No targets specified and no makefile found.  Stop.');
    return 2;
  }
  if (!which(ctx, 'gcc') && !which(ctx, 'cc') && !which(ctx, 'x86_64-linux-gnu-gcc-12')) {
    say(ctx, 'cc -O2 -o app main.c\nmake: cc: No such file or directory\nmake: *** [Makefile:2: app] Error 127');
    return 2;
  }
  say(ctx, 'cc -O2 -o app main.c');
  const size = 37_900_000 + sources(ctx, dir, '.c').bytes;
  spend(ctx, 5_000);
  if (targets.includes('install')) {
    say(ctx, 'install -m 0755 app /usr/local/bin/app\nrm -f app');
    put(ctx, '/usr/local/bin/app', { size }, { mode: 0o755 });
  } else {
    put(ctx, joinPath(dir, 'app'), { size }, { mode: 0o755 });
  }
  return 0;
};

