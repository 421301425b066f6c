import type { Flavor } from '../../docker/images.ts';

/** procps-ng@v4.0.4:src/sysctl.c Usage (with include/c.h's USAGE_HEADER, USAGE_OPTIONS, USAGE_HELP, USAGE_VERSION, USAGE_MAN_TAIL). */
export const SYSCTL_USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

/** busybox@1_36_1:coreutils/date.c date_trivial_usage and date_full_usage (date.ts prints it on a bad option too). */
export const DATE_BB_USAGE =
  "BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: date [OPTIONS] [+FMT] [[-s] TIME]\n\nDisplay time (using +FMT), or set time\n\n\t-u\t\tWork in UTC (don't convert to local time)\n\t[-s] TIME\tSet time to TIME\n\t-d TIME\t\tDisplay TIME, not 'now'\n\t-D FMT\t\tFMT (strptime format) for -s/-d TIME conversion\n\t-r FILE\t\tDisplay last modification time of FILE\n\t-R\t\tOutput RFC-2822 date\n\t-I[SPEC]\tOutput ISO-8601 date\n\t\t\tSPEC=date (default), hours, minutes, seconds or ns\n\nRecognized TIME formats:\n\t@seconds_since_1970\n\thh:mm[:ss]\n\t[YYYY.]MM.DD-hh:mm[:ss]\n\tYYYY-MM-DD hh:mm[:ss]\n\t[[[[[YY]YY]MM]DD]hh]mm[.ss]\n\t'date TIME' form accepts MMDDhhmm[[YY]YY][.ss] instead\n";

const BB = 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\n';

/** The opening of each tool's --help (busybox applets print theirs to stderr and exit 0… as busybox does). */
const USAGE: Record<string, { coreutils: string; busybox?: string }> = {
  uname: {
    coreutils:
      'Usage: uname [OPTION]...\nPrint certain system information.  With no OPTION, same as -s.\n\n  -a, --all                print all information\n  -s, --kernel-name        print the kernel name\n  -n, --nodename           print the network node hostname\n  -r, --kernel-release     print the kernel release\n  -v, --kernel-version     print the kernel version\n  -m, --machine            print the machine hardware name\n  -o, --operating-system   print the operating system\n',
    busybox: `${BB}Usage: uname [-amnrspvio]\n\nPrint system information\n`,
  },
  hostname: {
    coreutils:
      'Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n       hostname                                 display host name\n',
    busybox: `${BB}Usage: hostname [-sidf] [HOSTNAME | -F FILE]\n\nGet or set hostname or DNS domain name\n`,
  },
  date: {
    coreutils:
      'Usage: date [OPTION]... [+FORMAT]\n  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]\nDisplay date and time in the given FORMAT.\nWith -s, or with [MMDDhhmm[[CC]YY][.ss]], set the date and time.\n',
    busybox: DATE_BB_USAGE,
  },
  id: {
    coreutils: 'Usage: id [OPTION]... [USER]...\nPrint user and group information for each specified USER,\nor (when USER omitted) for the current process.\n',
    busybox: `${BB}Usage: id [-gGnru] [USER]\n\nPrint information about USER or the current user\n`,
  },
  whoami: {
    coreutils: 'Usage: whoami [OPTION]...\nPrint the user name associated with the current effective user ID.\nSame as id -un.\n',
    busybox: `${BB}Usage: whoami\n\nPrint the user name associated with the current effective user id\n`,
  },
  dmesg: {
    coreutils: '\nUsage:\n dmesg [options]\n\nDisplay or control the kernel ring buffer.\n',
    busybox: `${BB}Usage: dmesg [-cr] [-n LEVEL] [-s SIZE]\n\nPrint or control the kernel ring buffer\n`,
  },
  // procps-ng@v4.0.4:src/uptime.c usage; busybox@1_36_1:procps/uptime.c uptime_trivial_usage "[-s]".
  uptime: {
    coreutils:
      '\nUsage:\n uptime [options]\n\nOptions:\n -p, --pretty   show uptime in pretty format\n -h, --help     display this help and exit\n -s, --since    system up since\n -V, --version  output version information and exit\n\nFor more details see uptime(1).\n',
    busybox: `${BB}Usage: uptime [-s]\n\nDisplay the time since the last boot\n\n\t-s\tSince when\n`,
  },
  // The openings of coreutils@v9.4:src/who.c and src/tty.c usage, iproute2@v6.1.0:misc/ss.c _usage, lsb_release's optparse help.
  who: { coreutils: 'Usage: who [OPTION]... [ FILE | ARG1 ARG2 ]\nPrint information about users who are currently logged in.\n' },
  tty: {
    coreutils:
      'Usage: tty [OPTION]...\nPrint the file name of the terminal connected to standard input.\n\n  -s, --silent, --quiet   print nothing, only return an exit status\n      --help        display this help and exit\n      --version     output version information and exit\n',
    busybox: `${BB}Usage: tty [-s]\n\nPrint file name of stdin's terminal\n\n\t-s\tPrint nothing, only return exit code\n`,
  },
  ss: {
    coreutils:
      "Usage: ss [ OPTIONS ]\n       ss [ OPTIONS ] [ FILTER ]\n   -h, --help          this message\n   -V, --version       output version information\n   -n, --numeric       don't resolve service names\n",
  },
  lsb_release: {
    coreutils:
      'Usage: lsb_release [options]\n\nOptions:\n  -h, --help         show this help message and exit\n  -v, --version      show LSB modules this system supports\n  -i, --id           show distributor ID\n  -d, --description  show description of this distribution\n  -r, --release      show release number of this distribution\n  -c, --codename     show code name of this distribution\n  -a, --all          show all of the above information\n  -s, --short        show requested information in short format\n',
  },
  sysctl: { coreutils: SYSCTL_USAGE, busybox: `${BB}Usage: sysctl [-enq] { -a | -p [FILE]... | [-w] [KEY[=VALUE]]... }\n\nShow/set kernel parameters\n` },
  capsh: {
    coreutils:
      "usage: capsh [args ...]\n  --help, -h         this message (or try 'man capsh')\n  --print            display capability relevant state\n  --decode=xxx       decode a hex string to a list of caps\n",
  },
  getpcaps: { coreutils: 'usage: getpcaps [opts] <pid> [<pid> ...]\n\n  Displays the capabilities on the queried process(es).\n' },
  chown: {
    coreutils:
      'Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE...\nChange the owner and/or group of each FILE to OWNER and/or GROUP.\n',
    busybox: `${BB}Usage: chown [-RhLHPcvf]... USER[:[GRP]] FILE...\n\nChange the owner and/or group of FILEs to USER and/or GRP\n`,
  },
  lsns: { coreutils: '\nUsage:\n lsns [options] [<namespace>]\n\nList system namespaces.\n' },
  unshare: {
    coreutils: '\nUsage:\n unshare [options] [<program> [<argument>...]]\n\nRun a program with some namespaces unshared from the parent.\n',
    busybox: `${BB}Usage: unshare [OPTIONS] [PROG ARGS]\n\nRun program with some namespaces unshared from parent\n`,
  },
  nsenter: {
    coreutils: '\nUsage:\n nsenter [options] [<program> [<argument>...]]\n\nRun a program with namespaces of other processes.\n',
    busybox: `${BB}Usage: nsenter [OPTIONS] [PROG ARGS]\n`,
  },
  sudo: {
    coreutils:
      'sudo - execute a command as another user\n\nusage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\n',
  },
  kill: {
    coreutils: 'kill: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n',
    busybox: `${BB}Usage: kill [-l] [-SIG] PID...\n\nSend a signal (default: TERM) to given PIDs\n`,
  },
  ping: { coreutils: '\nUsage\n  ping [options] <destination>\n', busybox: `${BB}Usage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n` },
  mount: {
    coreutils: '\nUsage:\n mount [-lhV]\n mount -a [options]\n mount [options] [--source] <source> | [--target] <directory>\n',
    busybox: `${BB}Usage: mount [OPTIONS] [-o OPT] DEVICE NODE\n\nMount a filesystem.\n`,
  },
  touch: {
    coreutils: 'Usage: touch [OPTION]... FILE...\nUpdate the access and modification times of each FILE to the current time.\n',
    busybox: `${BB}Usage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n\nUpdate mtime of FILEs\n`,
  },
  mkdir: {
    coreutils: 'Usage: mkdir [OPTION]... DIRECTORY...\nCreate the DIRECTORY(ies), if they do not already exist.\n',
    busybox: `${BB}Usage: mkdir [-m MODE] [-p] DIRECTORY...\n\nCreate DIRECTORY\n`,
  },
  sleep: {
    coreutils: 'Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\nPause for NUMBER seconds.\n',
    busybox: `${BB}Usage: sleep [N]...\n\nPause for a time equal to the total of the args given\n`,
  },
  timeout: {
    // coreutils@v9.4:src/timeout.c usage; busybox@1_36_1:coreutils/timeout.c timeout_trivial_usage, timeout_full_usage
    // (whose "Default SIG: TERM." has no newline before the next sentence).
    coreutils: 'Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n  or:  timeout [OPTION]\nStart COMMAND, and kill it if still running after DURATION.\n',
    busybox: `${BB}Usage: timeout [-s SIG] [-k KILL_SECS] SECS PROG ARGS\n\nRun PROG. Send SIG to it if it is not gone in SECS seconds.\nDefault SIG: TERM.If it still exists in KILL_SECS seconds, send KILL.\n`,
  },
  env: {
    coreutils: 'Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]\nSet each NAME to VALUE in the environment and run COMMAND.\n',
    busybox: `${BB}Usage: env [-i] [-u NAME] [-] [NAME=VALUE]... [PROG ARGS]\n\nPrint current environment or run PROG after setting up environment\n`,
  },
  printenv: {
    coreutils: 'Usage: printenv [OPTION]... [VARIABLE]...\nPrint the values of the specified environment VARIABLE(s).\n',
    busybox: `${BB}Usage: printenv [VARIABLE]...\n\nPrint environment VARIABLEs\n`,
  },
  stat: {
    coreutils: 'Usage: stat [OPTION]... FILE...\nDisplay file or file system status.\n',
    busybox: `${BB}Usage: stat [-ltf] [-c FMT] FILE...\n\nDisplay file (default) or filesystem status\n`,
  },
  tail: {
    coreutils: 'Usage: tail [OPTION]... [FILE]...\nPrint the last 10 lines of each FILE to standard output.\n',
    busybox: `${BB}Usage: tail [OPTIONS] [FILE]...\n\nPrint last 10 lines of FILEs (or stdin) to stdout.\n`,
  },
  curl: {
    coreutils:
      'Usage: curl [options...] <url>\n -d, --data <data>           HTTP POST data\n -f, --fail                  Fail fast with no output on HTTP errors\n -h, --help <category>       Get help for commands\n -i, --include               Include response headers in output\n -o, --output <file>         Write to file instead of stdout\n -O, --remote-name           Write output to file named as remote file\n -s, --silent                Silent mode\n -T, --upload-file <file>    Transfer local FILE to destination\n -u, --user <user:password>  Server user and password\n -A, --user-agent <name>     Send User-Agent <name> to server\n -v, --verbose               Make the operation more talkative\n -V, --version               Show version number and quit\n',
  },
  wget: {
    coreutils:
      'GNU Wget 1.21.4, a non-interactive network retriever.\nUsage: wget [OPTION]... [URL]...\n\nMandatory arguments to long options are mandatory for short options too.\n',
    busybox: `${BB}Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n`,
  },
  // coreutils@v9.4:src/readlink.c usage(); busybox@1_36_1:coreutils/readlink.c.
  readlink: {
    coreutils:
      "Usage: readlink [OPTION]... FILE...\nPrint value of a symbolic link or canonical file name\n\n  -f, --canonicalize            canonicalize by following every symlink in\n                                every component of the given name recursively;\n                                all but the last component must exist\n  -e, --canonicalize-existing   canonicalize by following every symlink in\n                                every component of the given name recursively,\n                                all components must exist\n  -m, --canonicalize-missing    canonicalize by following every symlink in\n                                every component of the given name recursively,\n                                without requirements on components existence\n  -n, --no-newline              do not output the trailing delimiter\n  -q, --quiet\n  -s, --silent                  suppress most error messages (on by default)\n  -v, --verbose                 report error messages\n  -z, --zero                    end each output line with NUL, not newline\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/readlink>\nor available locally via: info '(coreutils) readlink invocation'\n",
    busybox: `${BB}Usage: readlink [-fnv] FILE\n\nDisplay the value of a symlink\n\n\t-f\tCanonicalize by following all symlinks\n\t-n\tDon't add newline\n\t-v\tVerbose\n`,
  },
  // coreutils@v9.4:src/nproc.c, src/yes.c usage(); procps-ng@v4.0.4:src/free.c; bash-5.2 builtins.
  // coreutils@v9.4:src/od.c usage() (unchanged since 9.1) with emit_ancillary_info.
  od: {
    coreutils: `Usage: od [OPTION]... [FILE]...\n  or:  od [-abcdfilosx]... [FILE] [[+]OFFSET[.][b]]\n  or:  od --traditional [OPTION]... [FILE] [[+]OFFSET[.][b] [+][LABEL][.][b]]\n\nWrite an unambiguous representation, octal bytes by default,\nof FILE to standard output.  With more than one FILE argument,\nconcatenate them in the listed order to form the input.\n\nWith no FILE, or when FILE is -, read standard input.\n\nIf first and second call formats both apply, the second format is assumed\nif the last operand begins with + or (if there are 2 operands) a digit.\nAn OFFSET operand means -j OFFSET.  LABEL is the pseudo-address\nat first byte printed, incremented when dump is progressing.\nFor OFFSET and LABEL, a 0x or 0X prefix indicates hexadecimal;\nsuffixes may be . for octal and b for multiply by 512.\n\nMandatory arguments to long options are mandatory for short options too.\n  -A, --address-radix=RADIX   output format for file offsets; RADIX is one\n                                of [doxn], for Decimal, Octal, Hex or None\n      --endian={big|little}   swap input bytes according the specified order\n  -j, --skip-bytes=BYTES      skip BYTES input bytes first\n  -N, --read-bytes=BYTES      limit dump to BYTES input bytes\n  -S BYTES, --strings[=BYTES]  output strings of at least BYTES graphic chars;\n                                3 is implied when BYTES is not specified\n  -t, --format=TYPE           select output format or formats\n  -v, --output-duplicates     do not use * to mark line suppression\n  -w[BYTES], --width[=BYTES]  output BYTES bytes per output line;\n                                32 is implied when BYTES is not specified\n      --traditional           accept arguments in third form above\n      --help        display this help and exit\n      --version     output version information and exit\n\n\nTraditional format specifications may be intermixed; they accumulate:\n  -a   same as -t a,  select named characters, ignoring high-order bit\n  -b   same as -t o1, select octal bytes\n  -c   same as -t c,  select printable characters or backslash escapes\n  -d   same as -t u2, select unsigned decimal 2-byte units\n  -f   same as -t fF, select floats\n  -i   same as -t dI, select decimal ints\n  -l   same as -t dL, select decimal longs\n  -o   same as -t o2, select octal 2-byte units\n  -s   same as -t d2, select decimal 2-byte units\n  -x   same as -t x2, select hexadecimal 2-byte units\n\n\nTYPE is made up of one or more of these specifications:\n  a          named character, ignoring high-order bit\n  c          printable character or backslash escape\n  d[SIZE]    signed decimal, SIZE bytes per integer\n  f[SIZE]    floating point, SIZE bytes per float\n  o[SIZE]    octal, SIZE bytes per integer\n  u[SIZE]    unsigned decimal, SIZE bytes per integer\n  x[SIZE]    hexadecimal, SIZE bytes per integer\n\nSIZE is a number.  For TYPE in [doux], SIZE may also be C for\nsizeof(char), S for sizeof(short), I for sizeof(int) or L for\nsizeof(long).  If TYPE is f, SIZE may also be F for sizeof(float), D\nfor sizeof(double) or L for sizeof(long double).\n\nAdding a z suffix to any type displays printable characters at the end of\neach output line.\n\n\nBYTES is hex with 0x or 0X prefix, and may have a multiplier suffix:\n  b    512\n  KB   1000\n  K    1024\n  MB   1000*1000\n  M    1024*1024\nand so on for G, T, P, E, Z, Y.\nBinary prefixes can be used, too: KiB=K, MiB=M, and so on.\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/od>\nor available locally via: info '(coreutils) od invocation'\n`,
  },
  nproc: {
    coreutils: `Usage: nproc [OPTION]...\nPrint the number of processing units available to the current process,\nwhich may be less than the number of online processors\n\n      --all      print the number of installed processors\n      --ignore=N  if possible, exclude N processing units\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/nproc>\nor available locally via: info '(coreutils) nproc invocation'\n`,
  },
  yes: {
    coreutils: `Usage: yes [STRING]...\n  or:  yes OPTION\nRepeatedly output a line with all specified STRING(s), or 'y'.\n\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/yes>\nor available locally via: info '(coreutils) yes invocation'\n`,
  },
  free: { coreutils: '\nUsage:\n free [options]\n\nOptions:\n -b, --bytes         show output in bytes\n -h, --human         show human-readable output\n' },
  // coreutils@v9.4:src/df.c usage() with src/system.h's notes; busybox@1_36_1:coreutils/df.c df_trivial_usage/df_full_usage.
  df: {
    coreutils: `Usage: df [OPTION]... [FILE]...\nShow information about the file system on which each FILE resides,\nor all file systems by default.\n\nMandatory arguments to long options are mandatory for short options too.\n  -a, --all             include pseudo, duplicate, inaccessible file systems\n  -B, --block-size=SIZE  scale sizes by SIZE before printing them; e.g.,\n                           '-BM' prints sizes in units of 1,048,576 bytes;\n                           see SIZE format below\n  -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)\n  -H, --si              print sizes in powers of 1000 (e.g., 1.1G)\n  -i, --inodes          list inode information instead of block usage\n  -k                    like --block-size=1K\n  -l, --local           limit listing to local file systems\n      --no-sync         do not invoke sync before getting usage info (default)\n      --output[=FIELD_LIST]  use the output format defined by FIELD_LIST,\n                               or print all fields if FIELD_LIST is omitted.\n  -P, --portability     use the POSIX output format\n      --sync            invoke sync before getting usage info\n      --total           elide all entries insignificant to available space,\n                          and produce a grand total\n  -t, --type=TYPE       limit listing to file systems of type TYPE\n  -T, --print-type      print file system type\n  -x, --exclude-type=TYPE   limit listing to file systems not of type TYPE\n  -v                    (ignored)\n      --help        display this help and exit\n      --version     output version information and exit\n\nDisplay values are in units of the first available SIZE from --block-size,\nand the DF_BLOCK_SIZE, BLOCK_SIZE and BLOCKSIZE environment variables.\nOtherwise, units default to 1024 bytes (or 512 if POSIXLY_CORRECT is set).\n\nThe SIZE argument is an integer and optional unit (example: 10K is 10*1024).\nUnits are K,M,G,T,P,E,Z,Y,R,Q (powers of 1024) or KB,MB,... (powers of 1000).\nBinary prefixes can be used, too: KiB=K, MiB=M, and so on.\n\nFIELD_LIST is a comma-separated list of columns to be included.  Valid\nfield names are: 'source', 'fstype', 'itotal', 'iused', 'iavail', 'ipcent',\n'size', 'used', 'avail', 'pcent', 'file' and 'target' (see info page).\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/df>\nor available locally via: info '(coreutils) df invocation'\n`,
    busybox: `${BB}Usage: df [-PkmhTai] [-B SIZE] [-t TYPE] [FILESYSTEM]...\n\nPrint filesystem usage statistics\n\n\t-P\tPOSIX output format\n\t-k\t1024-byte blocks (default)\n\t-m\t1M-byte blocks\n\t-h\tHuman readable (e.g. 1K 243M 2G)\n\t-T\tPrint filesystem type\n\t-t TYPE\tPrint only mounts of this type\n\t-a\tShow all filesystems\n\t-i\tInodes\n\t-B SIZE\tBlocksize\n`,
  },
  ls: {
    coreutils: 'Usage: ls [OPTION]... [FILE]...\nList information about the FILEs (the current directory by default).\n',
    busybox: `${BB}Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n`,
  },
  // kubernetes-sigs/cri-tools@v1.30.0 cmd/crictl/main.go (app.Name, app.Usage, app.Commands in order) in urfave/cli v2's help template; the global options are left out.
  crictl: {
    coreutils:
      "NAME:\n   crictl - client for CRI\n\nUSAGE:\n   crictl [global options] command [command options] [arguments...]\n\nVERSION:\n   v1.30.0\n\nCOMMANDS:\n   attach              Attach to a running container\n   create              Create a new container\n   exec                Run a command in a running container\n   version             Display runtime version information\n   images, image, img  List images\n   inspect             Display the status of one or more containers\n   inspecti            Return the status of one or more images\n   imagefsinfo         Return image filesystem info\n   inspectp            Display the status of one or more pods\n   logs                Fetch the logs of a container\n   port-forward        Forward local port to a pod\n   ps                  List containers\n   pull                Pull an image from a registry\n   run                 Run a new container inside a sandbox\n   runp                Run a new pod\n   rm                  Remove one or more containers\n   rmi                 Remove one or more images\n   rmp                 Remove one or more pods\n   pods                List pods\n   start               Start one or more created containers\n   info                Display information of the container runtime\n   stop                Stop one or more running containers\n   stopp               Stop one or more running pods\n   update              Update one or more running containers\n   config              Get and set crictl client configuration options\n   stats               List container(s) resource usage statistics\n   statsp              List pod statistics. Stats represent a structured API that will fulfill the Kubelet's /stats/summary endpoint.\n   metricsp            List pod metrics. Metrics are unstructured key/value pairs gathered by CRI meant to replace cAdvisor's /metrics/cadvisor endpoint.\n   completion          Output shell completion code\n   checkpoint          Checkpoint one or more running containers\n   runtime-config      Retrieve the container runtime configuration\n   events, event       Stream the events of containers\n   help, h             Shows a list of commands or help for one command\n",
  },
  // containerd@v1.7.22 cmd/ctr/app/main.go (app.Usage, app.Description) in urfave/cli v1's help template; the command list and global options are left out.
  ctr: {
    coreutils:
      'NAME:\n   ctr - \n        __\n  _____/ /______\n / ___/ __/ ___/\n/ /__/ /_/ /\n\\___/\\__/_/\n\ncontainerd CLI\n\n\nUSAGE:\n   ctr [global options] command [command options] [arguments...]\n\nVERSION:\n   1.7.22\n\nDESCRIPTION:\n   \nctr is an unsupported debug and administrative client for interacting\nwith the containerd daemon. Because it is unsupported, the commands,\noptions, and operations are not guaranteed to be backward compatible or\nstable from release to release of the containerd project.\n',
  },
  // busybox@1_36_1 networking/nc.c usage; netcat-openbsd 1.226 (Ubuntu 24.04) usage().
  // coreutils@v9.4:src/paste.c, src/realpath.c, src/groups.c usage (first lines); glibc-2.39 nss/getent.c argp doc;
  // systemd@v255:src/systemctl/systemctl.c systemctl_help; runc@v1.1.14 and containerd@v1.7.22 urfave/cli app help (NAME).
  paste: {
    coreutils:
      'Usage: paste [OPTION]... [FILE]...\nWrite lines consisting of the sequentially corresponding lines from\neach FILE, separated by TABs, to standard output.\n',
  },
  realpath: { coreutils: 'Usage: realpath [OPTION]... FILE...\nPrint the resolved absolute file name;\nall but the last component must exist\n\n' },
  groups: {
    coreutils:
      'Usage: groups [OPTION]... [USERNAME]...\nPrint group memberships for each USERNAME or, if no USERNAME is specified, for\nthe current process (which may differ if the groups database has changed).\n',
  },
  getent: { coreutils: 'Usage: getent [OPTION...] database [key ...]\nGet entries from Name Service Switch libraries.\n' },
  systemctl: { coreutils: 'systemctl [OPTIONS...] COMMAND ...\n\nQuery or send control commands to the system manager.\n' },
  // systemd@v255:src/journal/journalctl.c help(): its opening (the option sections are left out).
  journalctl: { coreutils: 'journalctl [OPTIONS...] [MATCHES...]\n\nQuery the journal.\n' },
  runc: { coreutils: 'NAME:\n   runc - Open Container Initiative runtime\n' },
  containerd: { coreutils: 'NAME:\n   containerd - \n' },
  nc: {
    coreutils:
      'OpenBSD netcat (Debian patchlevel 1.226-1ubuntu2)\nusage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n',
    busybox: `${BB}Usage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n`,
  },
};

/** `--help` output of a simulated command for a flavour, or undefined when it has its own. */
export function usageOf(name: string, flavor: Flavor): { text: string; stream: 'stdout' | 'stderr' } | undefined {
  const u = USAGE[name];
  if (!u) return undefined;
  if (flavor === 'busybox' && u.busybox) return { text: u.busybox, stream: 'stderr' };
  return { text: u.coreutils, stream: 'stdout' };
}
