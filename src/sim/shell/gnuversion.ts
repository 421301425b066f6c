/**
 * `PROGRAM --version` for node1's GNU coreutils 9.4 programs (Ubuntu 24.04's coreutils 9.4-3ubuntu6): gnulib's
 * version_etc as coreutils calls it (case_GETOPT_VERSION_CHAR (PROGRAM_NAME, AUTHORS)): "NAME (GNU coreutils) 9.4",
 * the copyright line with COPYRIGHT_YEAR 2023, the license paragraph, then "Written by …" joined as version_etc_arn
 * joins 1 to 9 names. Checked against this format on coreutils 9.1 (Debian 12: `tail`, `touch`, `cat --version`).
 */

/**
 * Each program's AUTHORS (coreutils@v9.4:src/NAME.c `#define AUTHORS`), in proper_name's ASCII spelling: node1's shell
 * runs in the POSIX locale, where proper_name_lite ("Torbjorn Granlund", "Torbj\303\266rn Granlund") is the first.
 * Only the programs node1 has from coreutils, and not the ones its shell runs as builtins (echo, printf, pwd, true,
 * false, test, [) nor kill and uptime (procps's on Ubuntu).
 */
const AUTHORS: Record<string, readonly string[]> = {
  basename: ['David MacKenzie'],
  cat: ['Torbjorn Granlund', 'Richard M. Stallman'],
  chmod: ['David MacKenzie', 'Jim Meyering'],
  chown: ['David MacKenzie', 'Jim Meyering'],
  chroot: ['Roland McGrath'],
  cp: ['Torbjorn Granlund', 'David MacKenzie', 'Jim Meyering'],
  cut: ['David M. Ihnat', 'David MacKenzie', 'Jim Meyering'],
  date: ['David MacKenzie'],
  dd: ['Paul Rubin', 'David MacKenzie', 'Stuart Kemp'],
  dirname: ['David MacKenzie', 'Jim Meyering'],
  du: ['Torbjorn Granlund', 'David MacKenzie', 'Paul Eggert', 'Jim Meyering'],
  env: ['Richard Mlynarik', 'David MacKenzie', 'Assaf Gordon'],
  expr: ['Mike Parker', 'James Youngman', 'Paul Eggert'],
  groups: ['David MacKenzie', 'James Youngman'],
  head: ['David MacKenzie', 'Jim Meyering'],
  id: ['Arnold Robbins', 'David MacKenzie'],
  ls: ['Richard M. Stallman', 'David MacKenzie'],
  mkdir: ['David MacKenzie'],
  mv: ['Mike Parker', 'David MacKenzie', 'Jim Meyering'],
  nice: ['David MacKenzie'],
  nproc: ['Giuseppe Scrivano'],
  od: ['Jim Meyering'],
  paste: ['David M. Ihnat', 'David MacKenzie'],
  printenv: ['David MacKenzie', 'Richard Mlynarik'],
  readlink: ['Dmitry V. Levin'],
  realpath: ['Padraig Brady'],
  rm: ['Paul Rubin', 'David MacKenzie', 'Richard M. Stallman', 'Jim Meyering'],
  rmdir: ['David MacKenzie'],
  seq: ['Ulrich Drepper'],
  sleep: ['Jim Meyering', 'Paul Eggert'],
  sort: ['Mike Haertel', 'Paul Eggert'],
  stat: ['Michael Meskes'],
  tail: ['Paul Rubin', 'David MacKenzie', 'Ian Lance Taylor', 'Jim Meyering'],
  tee: ['Mike Parker', 'Richard M. Stallman', 'David MacKenzie'],
  timeout: ['Padraig Brady'],
  touch: ['Paul Rubin', 'Arnold Robbins', 'Jim Kingdon', 'David MacKenzie', 'Randy Smith'],
  tr: ['Jim Meyering'],
  tty: ['David MacKenzie'],
  uname: ['David MacKenzie'],
  uniq: ['Richard M. Stallman', 'David MacKenzie'],
  wc: ['Paul Rubin', 'David MacKenzie'],
  whoami: ['Richard Mlynarik'],
  yes: ['David MacKenzie'],
};

/** gnulib lib/version-etc.c version_etc_arn's "Written by" formats, by the number of authors (1 to 9; more: "and others"). */
const WRITTEN = [
  '',
  'Written by %s.\n',
  'Written by %s and %s.\n',
  'Written by %s, %s, and %s.\n',
  'Written by %s, %s, %s,\nand %s.\n',
  'Written by %s, %s, %s,\n%s, and %s.\n',
  'Written by %s, %s, %s,\n%s, %s, and %s.\n',
  'Written by %s, %s, %s,\n%s, %s, %s, and %s.\n',
  'Written by %s, %s, %s,\n%s, %s, %s, %s,\nand %s.\n',
  'Written by %s, %s, %s,\n%s, %s, %s, %s,\n%s, and %s.\n',
  'Written by %s, %s, %s,\n%s, %s, %s, %s,\n%s, %s, and others.\n',
];

function writtenBy(names: readonly string[]): string {
  let i = 0;
  return (WRITTEN[Math.min(names.length, 10)] as string).replace(/%s/g, () => names[i++] as string);
}

/**
 * The version text of node1's `name` when `args` ask for it: `--version` as the first argument (each program reads it
 * there; expr only as its one argument: parse_long_options), else undefined.
 */
export function coreutilsVersion(name: string, args: readonly string[]): string | undefined {
  const authors = Object.hasOwn(AUTHORS, name) ? AUTHORS[name] : undefined;
  if (!authors || args[0] !== '--version' || (name === 'expr' && args.length !== 1)) return undefined;
  return (
    `${name} (GNU coreutils) 9.4\nCopyright (C) 2023 Free Software Foundation, Inc.\n` +
    'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
    'This is free software: you are free to change and redistribute it.\n' +
    `There is NO WARRANTY, to the extent permitted by law.\n\n${writtenBy(authors)}`
  );
}
