/**
 * The help texts of the bash builtins the simulator runs itself (the job builtins, ulimit,
 * history, help) and of cd (just-bash's `help cd` is its own): bash-5.2:builtins/fg_bg.def, jobs.def,
 * wait.def (the JOB_CONTROL one), history.def, help.def, ulimit.def, cd.def (bash@bash-5.2.21, without the
 * `#if defined (O_XATTR)` lines: Linux has no O_XATTR), each $SHORT_DOC and its long doc, as mkbuiltins.c keeps
 * them. `help NAME` and `NAME --help` print them the same way (bash-5.2:builtins/help.def
 * builtin_help and help_builtin: "%s: %s\n" then show_longdoc, every line indented by
 * BASE_INDENT 4); `NAME --help` then returns EX_USAGE (bash-5.2:builtins/common.h
 * CHECK_HELPOPT / CASE_HELPOPT), which the shell reports as EX_BADUSAGE, 2
 * (bash-5.2:execute_cmd.c builtin_status, shell.h).
 */
const DOCS: Readonly<Record<string, { short: string; long: string }>> = {
  cd: {
    short: 'cd [-L|[-P [-e]] [-@]] [dir]',
    long: `Change the shell working directory.

Change the current directory to DIR.  The default DIR is the value of the
HOME shell variable. If DIR is "-", it is converted to $OLDPWD.

The variable CDPATH defines the search path for the directory containing
DIR.  Alternative directory names in CDPATH are separated by a colon (:).
A null directory name is the same as the current directory.  If DIR begins
with a slash (/), then CDPATH is not used.

If the directory is not found, and the shell option \`cdable_vars' is set,
the word is assumed to be  a variable name.  If that variable has a value,
its value is used for DIR.

Options:
  -L	force symbolic links to be followed: resolve symbolic
		links in DIR after processing instances of \`..'
  -P	use the physical directory structure without following
		symbolic links: resolve symbolic links in DIR before
		processing instances of \`..'
  -e	if the -P option is supplied, and the current working
		directory cannot be determined successfully, exit with
		a non-zero status

The default is to follow symbolic links, as if \`-L' were specified.
\`..' is processed by removing the immediately previous pathname component
back to a slash or the beginning of DIR.

Exit Status:
Returns 0 if the directory is changed, and if $PWD is set successfully when
-P is used; non-zero otherwise.`,
  },
  fg: {
    short: 'fg [job_spec]',
    long: `Move job to the foreground.

Place the job identified by JOB_SPEC in the foreground, making it the
current job.  If JOB_SPEC is not present, the shell's notion of the
current job is used.

Exit Status:
Status of command placed in foreground, or failure if an error occurs.`,
  },
  bg: {
    short: 'bg [job_spec ...]',
    long: `Move jobs to the background.

Place the jobs identified by each JOB_SPEC in the background, as if they
had been started with \`&'.  If JOB_SPEC is not present, the shell's notion
of the current job is used.

Exit Status:
Returns success unless job control is not enabled or an error occurs.`,
  },
  jobs: {
    short: 'jobs [-lnprs] [jobspec ...] or jobs -x command [args]',
    long: `Display status of jobs.

Lists the active jobs.  JOBSPEC restricts output to that job.
Without options, the status of all active jobs is displayed.

Options:
  -l	lists process IDs in addition to the normal information
  -n	lists only processes that have changed status since the last
		notification
  -p	lists process IDs only
  -r	restrict output to running jobs
  -s	restrict output to stopped jobs

If -x is supplied, COMMAND is run after all job specifications that
appear in ARGS have been replaced with the process ID of that job's
process group leader.

Exit Status:
Returns success unless an invalid option is given or an error occurs.
If -x is used, returns the exit status of COMMAND.`,
  },
  wait: {
    short: 'wait [-fn] [-p var] [id ...]',
    long: `Wait for job completion and return exit status.

Waits for each process identified by an ID, which may be a process ID or a
job specification, and reports its termination status.  If ID is not
given, waits for all currently active child processes, and the return
status is zero.  If ID is a job specification, waits for all processes
in that job's pipeline.

If the -n option is supplied, waits for a single job from the list of IDs,
or, if no IDs are supplied, for the next job to complete and returns its
exit status.

If the -p option is supplied, the process or job identifier of the job
for which the exit status is returned is assigned to the variable VAR
named by the option argument. The variable will be unset initially, before
any assignment. This is useful only when the -n option is supplied.

If the -f option is supplied, and job control is enabled, waits for the
specified ID to terminate, instead of waiting for it to change status.

Exit Status:
Returns the status of the last ID; fails if ID is invalid or an invalid
option is given, or if -n is supplied and the shell has no unwaited-for
children.`,
  },
  history: {
    short: 'history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]',
    long: `Display or manipulate the history list.

Display the history list with line numbers, prefixing each modified
entry with a \`*'.  An argument of N lists only the last N entries.

Options:
  -c	clear the history list by deleting all of the entries
  -d offset	delete the history entry at position OFFSET. Negative
		offsets count back from the end of the history list

  -a	append history lines from this session to the history file
  -n	read all history lines not already read from the history file
		and append them to the history list
  -r	read the history file and append the contents to the history
		list
  -w	write the current history to the history file

  -p	perform history expansion on each ARG and display the result
		without storing it in the history list
  -s	append the ARGs to the history list as a single entry

If FILENAME is given, it is used as the history file.  Otherwise,
if HISTFILE has a value, that is used, else ~/.bash_history.

If the HISTTIMEFORMAT variable is set and not null, its value is used
as a format string for strftime(3) to print the time stamp associated
with each displayed history entry.  No time stamps are printed otherwise.

Exit Status:
Returns success unless an invalid option is given or an error occurs.`,
  },
  help: {
    short: 'help [-dms] [pattern ...]',
    long: `Display information about builtin commands.

Displays brief summaries of builtin commands.  If PATTERN is
specified, gives detailed help on all commands matching PATTERN,
otherwise the list of help topics is printed.

Options:
  -d	output short description for each topic
  -m	display usage in pseudo-manpage format
  -s	output only a short usage synopsis for each topic matching
		PATTERN

Arguments:
  PATTERN	Pattern specifying a help topic

Exit Status:
Returns success unless PATTERN is not found or an invalid option is given.`,
  },
  ulimit: {
    short: 'ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]',
    long: `Modify shell resource limits.

Provides control over the resources available to the shell and processes
it creates, on systems that allow such control.

Options:
  -S	use the \`soft' resource limit
  -H	use the \`hard' resource limit
  -a	all current limits are reported
  -b	the socket buffer size
  -c	the maximum size of core files created
  -d	the maximum size of a process's data segment
  -e	the maximum scheduling priority (\`nice')
  -f	the maximum size of files written by the shell and its children
  -i	the maximum number of pending signals
  -k	the maximum number of kqueues allocated for this process
  -l	the maximum size a process may lock into memory
  -m	the maximum resident set size
  -n	the maximum number of open file descriptors
  -p	the pipe buffer size
  -q	the maximum number of bytes in POSIX message queues
  -r	the maximum real-time scheduling priority
  -s	the maximum stack size
  -t	the maximum amount of cpu time in seconds
  -u	the maximum number of user processes
  -v	the size of virtual memory
  -x	the maximum number of file locks
  -P	the maximum number of pseudoterminals
  -R	the maximum time a real-time process can run before blocking
  -T	the maximum number of threads

Not all options are available on all platforms.

If LIMIT is given, it is the new value of the specified resource; the
special LIMIT values \`soft', \`hard', and \`unlimited' stand for the
current soft limit, the current hard limit, and no limit, respectively.
Otherwise, the current value of the specified resource is printed.  If
no option is given, then -f is assumed.

Values are in 1024-byte increments, except for -t, which is in seconds,
-p, which is in increments of 512 bytes, and -u, which is an unscaled
number of processes.

Exit Status:
Returns success unless an invalid option is supplied or an error occurs.`,
  },
};

/** `help NAME`'s text for one of these builtins, or undefined when just-bash answers for it. */
export function builtinHelp(name: string): string | undefined {
  const doc = DOCS[name];
  if (!doc) return undefined;
  return `${name}: ${doc.short}\n${doc.long
    .split('\n')
    .map((l) => `    ${l}\n`)
    .join('')}`;
}

/** `NAME --help` of one of these builtins: the same text on stdout, status EX_BADUSAGE (2). */
export function builtinHelpOpt(name: string): { stdout: string; stderr: string; exitCode: number } | undefined {
  const text = builtinHelp(name);
  return text === undefined ? undefined : { stdout: text, stderr: '', exitCode: 2 };
}
