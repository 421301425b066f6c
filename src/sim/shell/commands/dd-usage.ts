/**
 * coreutils dd's --help and --version (coreutils@v9.4:src/dd.c usage, with the flags Linux has:
 * O_CIO, O_NOLINKS, O_BINARY and O_TEXT are 0 there, so their lines are left out; gnulib's
 * emit_ancillary_info and version_etc), and its standard-option errors (parse_gnu_standard_options_only).
 */

export const DD_HELP = `Usage: dd [OPERAND]...
  or:  dd OPTION
Copy a file, converting and formatting according to the operands.

  bs=BYTES        read and write up to BYTES bytes at a time (default: 512);
                  overrides ibs and obs
  cbs=BYTES       convert BYTES bytes at a time
  conv=CONVS      convert the file as per the comma separated symbol list
  count=N         copy only N input blocks
  ibs=BYTES       read up to BYTES bytes at a time (default: 512)
  if=FILE         read from FILE instead of stdin
  iflag=FLAGS     read as per the comma separated symbol list
  obs=BYTES       write BYTES bytes at a time (default: 512)
  of=FILE         write to FILE instead of stdout
  oflag=FLAGS     write as per the comma separated symbol list
  seek=N          (or oseek=N) skip N obs-sized output blocks
  skip=N          (or iseek=N) skip N ibs-sized input blocks
  status=LEVEL    The LEVEL of information to print to stderr;
                  'none' suppresses everything but error messages,
                  'noxfer' suppresses the final transfer statistics,
                  'progress' shows periodic transfer statistics

N and BYTES may be followed by the following multiplicative suffixes:
c=1, w=2, b=512, kB=1000, K=1024, MB=1000*1000, M=1024*1024, xM=M,
GB=1000*1000*1000, G=1024*1024*1024, and so on for T, P, E, Z, Y, R, Q.
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.
If N ends in 'B', it counts bytes not blocks.

Each CONV symbol may be:

  ascii     from EBCDIC to ASCII
  ebcdic    from ASCII to EBCDIC
  ibm       from ASCII to alternate EBCDIC
  block     pad newline-terminated records with spaces to cbs-size
  unblock   replace trailing spaces in cbs-size records with newline
  lcase     change upper case to lower case
  ucase     change lower case to upper case
  sparse    try to seek rather than write all-NUL output blocks
  swab      swap every pair of input bytes
  sync      pad every input block with NULs to ibs-size; when used
            with block or unblock, pad with spaces rather than NULs
  excl      fail if the output file already exists
  nocreat   do not create the output file
  notrunc   do not truncate the output file
  noerror   continue after read errors
  fdatasync  physically write output file data before finishing
  fsync     likewise, but also write metadata

Each FLAG symbol may be:

  append    append mode (makes sense only for output; conv=notrunc suggested)
  direct    use direct I/O for data
  directory  fail unless a directory
  dsync     use synchronized I/O for data
  sync      likewise, but also for metadata
  fullblock  accumulate full blocks of input (iflag only)
  nonblock  use non-blocking I/O
  noatime   do not update access time
  nocache   Request to drop cache.  See also oflag=sync
  noctty    do not assign controlling terminal from file
  nofollow  do not follow symlinks

Sending a USR1 signal to a running 'dd' process makes it
print I/O statistics to standard error and then resume copying.

Options are:

      --help        display this help and exit
      --version     output version information and exit

GNU coreutils online help: <https://www.gnu.org/software/coreutils/>
Report any translation bugs to <https://translationproject.org/team/>
Full documentation <https://www.gnu.org/software/coreutils/dd>
or available locally via: info '(coreutils) dd invocation'
`;

/** gnulib version_etc for dd: coreutils 9.4 on node1 (Ubuntu 24.04), 9.1 in Debian 12 images. */
export function ddVersion(host: boolean): string {
  const [v, year] = host ? ['9.4', '2023'] : ['9.1', '2022'];
  return `dd (GNU coreutils) ${v}\nCopyright (C) ${year} Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Paul Rubin, David MacKenzie, and Stuart Kemp.\n`;
}

/**
 * parse_gnu_standard_options_only (gnulib long-options.c, getopt): --help and --version (or an
 * unambiguous prefix of them) answer; other options are errors; `--` ends the options.
 * Returns what to print, or the operands left.
 */
export function ddOptions(args: string[], host: boolean): { out: string; err: string; code: number } | string[] {
  const TRY = "Try 'dd --help' for more information.\n";
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return [...args.slice(0, i), ...args.slice(i + 1)];
    if (!a.startsWith('-') || a === '-') continue;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0] as string;
      if (name && 'help'.startsWith(name)) return { out: DD_HELP, err: '', code: 0 };
      if (name && 'version'.startsWith(name)) return { out: ddVersion(host), err: '', code: 0 };
      return { out: '', err: `dd: unrecognized option '${a}'\n${TRY}`, code: 1 };
    }
    return { out: '', err: `dd: invalid option -- '${a[1]}'\n${TRY}`, code: 1 };
  }
  return args;
}
