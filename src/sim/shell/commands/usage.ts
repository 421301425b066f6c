import type { Flavor } from '../../docker/images.ts';

const BB = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\n';

/** The opening of each tool's --help (busybox applets print theirs to stderr and exit 0… as busybox does). */
const USAGE: Record<string, { coreutils: string; busybox?: string }> = {
  uname: { coreutils: 'Usage: uname [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n\n  -a, --all                print all information\n  -s, --kernel-name        print the kernel name\n  -n, --nodename           print the network node hostname\n  -r, --kernel-release     print the kernel release\n  -v, --kernel-version     print the kernel version\n  -m, --machine            print the machine hardware name\n  -o, --operating-system   print the operating system\n', busybox: `${BB}Usage: uname [-amnrspvio]\n\nPrint system information\n` },
  hostname: { coreutils: 'Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n       hostname                                 display host name\n', busybox: `${BB}Usage: hostname [-sidf] [HOSTNAME | -F FILE]\n\nGet or set hostname or DNS domain name\n` },
  date: { coreutils: 'Usage: date [OPTION]... [+FORMAT]\n  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]\nDisplay date and time in the given FORMAT.\nWith -s, or with [MMDDhhmm[[CC]YY][.ss]], set the date and time.\n', busybox: `${BB}Usage: date [OPTIONS] [+FMT] [[-s] TIME]\n\nDisplay time (using +FMT), or set time\n` },
  id: { coreutils: 'Usage: id [OPTION]... [USER]...\nPrint user and group information for each specified USER,\nor (when USER omitted) for the current process.\n', busybox: `${BB}Usage: id [-gGnru] [USER]\n\nPrint information about USER or the current user\n` },
  whoami: { coreutils: 'Usage: whoami [OPTION]...\nPrint the user name associated with the current effective user ID.\nSame as id -un.\n', busybox: `${BB}Usage: whoami\n\nPrint the user name associated with the current effective user id\n` },
  dmesg: { coreutils: '\nUsage:\n dmesg [options]\n\nDisplay or control the kernel ring buffer.\n', busybox: `${BB}Usage: dmesg [-cr] [-n LEVEL] [-s SIZE]\n\nPrint or control the kernel ring buffer\n` },
  sysctl: { coreutils: '\nUsage:\n sysctl [options] [variable[=value] ...]\n', busybox: `${BB}Usage: sysctl [-enq] { -a | -p [FILE]... | [-w] [KEY[=VALUE]]... }\n\nShow/set kernel parameters\n` },
  capsh: { coreutils: 'usage: capsh [args ...]\n  --help, -h         this message (or try \'man capsh\')\n  --print            display capability relevant state\n  --decode=xxx       decode a hex string to a list of caps\n' },
  getpcaps: { coreutils: 'usage: getpcaps [opts] <pid> [<pid> ...]\n\n  Displays the capabilities on the queried process(es).\n' },
  chown: { coreutils: 'Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE...\nChange the owner and/or group of each FILE to OWNER and/or GROUP.\n', busybox: `${BB}Usage: chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n\nChange the owner and/or group of FILEs to USER and/or GRP\n` },
  lsns: { coreutils: '\nUsage:\n lsns [options] [<namespace>]\n\nList system namespaces.\n' },
  unshare: { coreutils: '\nUsage:\n unshare [options] [<program> [<argument>...]]\n\nRun a program with some namespaces unshared from the parent.\n', busybox: `${BB}Usage: unshare [OPTIONS] [PROG ARGS]\n\nRun program with some namespaces unshared from parent\n` },
  nsenter: { coreutils: '\nUsage:\n nsenter [options] [<program> [<argument>...]]\n\nRun a program with namespaces of other processes.\n', busybox: `${BB}Usage: nsenter [OPTIONS] [PROG ARGS]\n` },
  sudo: { coreutils: 'sudo - execute a command as another user\n\nusage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n' },
  kill: { coreutils: 'kill: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n', busybox: `${BB}Usage: kill [-l] [-SIG] PID...\n\nSend a signal (default: TERM) to given PIDs\n` },
  ip: { coreutils: 'Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n', busybox: `${BB}Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]\n` },
  ping: { coreutils: '\nUsage\n  ping [options] <destination>\n', busybox: `${BB}Usage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n` },
  mount: { coreutils: '\nUsage:\n mount [-lhV]\n mount -a [options]\n mount [options] [--source] <source> | [--target] <directory>\n', busybox: `${BB}Usage: mount [OPTIONS] [-o OPT] DEVICE NODE\n\nMount a filesystem.\n` },
  touch: { coreutils: 'Usage: touch [OPTION]... FILE...\nUpdate the access and modification times of each FILE to the current time.\n', busybox: `${BB}Usage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n` },
  mkdir: { coreutils: 'Usage: mkdir [OPTION]... DIRECTORY...\nCreate the DIRECTORY(ies), if they do not already exist.\n', busybox: `${BB}Usage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n` },
  sleep: { coreutils: 'Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\nPause for NUMBER seconds.\n', busybox: `${BB}Usage: sleep [N]...\n\nPause for a time equal to the total of the args given\n` },
  env: { coreutils: 'Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\nSet each NAME to VALUE in the environment and run COMMAND.\n', busybox: `${BB}Usage: env [-i] [-u NAME] [-] [NAME=VALUE]... [PROG ARGS]\n\nPrint current environment or run PROG after setting up environment\n` },
  printenv: { coreutils: 'Usage: printenv [OPTION]... [VARIABLE]...\nPrint the values of the specified environment VARIABLE(s).\n', busybox: `${BB}Usage: printenv [VARIABLE]...\n\nPrint environment VARIABLEs\n` },
  stat: { coreutils: 'Usage: stat [OPTION]... FILE...\nDisplay file or file system status.\n', busybox: `${BB}Usage: stat [-ltf] [-c FMT] FILE...\n\nDisplay file (default) or filesystem status\n` },
  tail: { coreutils: 'Usage: tail [OPTION]... [FILE]...\nPrint the last 10 lines of each FILE to standard output.\n', busybox: `${BB}Usage: tail [OPTIONS] [FILE]...\n\nPrint last 10 lines of FILEs (or stdin) to stdout.\n` },
  curl: { coreutils: 'Usage: curl [options...] <url>\n -d, --data <data>           HTTP POST data\n -f, --fail                  Fail fast with no output on HTTP errors\n -h, --help <category>       Get help for commands\n -i, --include               Include response headers in output\n -o, --output <file>         Write to file instead of stdout\n -O, --remote-name           Write output to file named as remote file\n -s, --silent                Silent mode\n -T, --upload-file <file>    Transfer local FILE to destination\n -u, --user <user:password>  Server user and password\n -A, --user-agent <name>     Send User-Agent <name> to server\n -v, --verbose               Make the operation more talkative\n -V, --version               Show version number and quit\n' },
  wget: { coreutils: 'GNU Wget 1.21.4, a non-interactive network retriever.\nUsage: wget [OPTION]... [URL]...\n\nMandatory arguments to long options are mandatory for short options too.\n', busybox: `${BB}Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n` },
  // coreutils@v9.4:src/nproc.c, src/yes.c usage(); procps-ng@v4.0.4:src/free.c; bash-5.2 builtins.
  nproc: { coreutils: `Usage: nproc [OPTION]...\nPrint the number of processing units available to the current process,\nwhich may be less than the number of online processors\n\n      --all      print the number of installed processors\n      --ignore=N  if possible, exclude N processing units\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/nproc>\nor available locally via: info '(coreutils) nproc invocation'\n` },
  yes: { coreutils: `Usage: yes [STRING]...\n  or:  yes OPTION\nRepeatedly output a line with all specified STRING(s), or 'y'.\n\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/yes>\nor available locally via: info '(coreutils) yes invocation'\n` },
  free: { coreutils: '\nUsage:\n free [options]\n\nOptions:\n -b, --bytes         show output in bytes\n -h, --human         show human-readable output\n' },
  history: { coreutils: 'history: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n    Display or manipulate the history list.\n' },
  __cc_help: { coreutils: "help: help [-dms] [pattern ...]\n    Display information about builtin commands.\n" },
  ls: { coreutils: 'Usage: ls [OPTION]... [FILE]...\nList information about the FILEs (the current directory by default).\n', busybox: `${BB}Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n` },
};

/** `--help` output of a simulated command for a flavour, or undefined when it has its own. */
export function usageOf(name: string, flavor: Flavor): { text: string; stream: 'stdout' | 'stderr' } | undefined {
  const u = USAGE[name];
  if (!u) return undefined;
  if (flavor === 'busybox' && u.busybox) return { text: u.busybox, stream: 'stderr' };
  return { text: u.coreutils, stream: 'stdout' };
}
