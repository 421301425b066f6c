/**
 * The course's one dim line after bash's own "command not found": what to use instead on this
 * simulated host. The shell's message itself stays exactly bash's (or busybox sh's).
 */
import type { Locale } from './limits.ts';
import type { Session } from './types.ts';

type Hint = { en: string; zh: string };

const EDITOR: Hint = {
  en: "there is no editor on this host; write a file with a here-document: cat > file <<'EOF' … EOF",
  zh: "这台主机上没有编辑器；请用 here-document 写文件：cat > file <<'EOF' … EOF",
};
const PACKAGES: Hint = {
  en: 'this host has no network, so no packages can be installed; every command the course needs is already here (see help).',
  zh: '这台主机没有网络，无法安装软件包；课程需要的命令都已就绪（见 help）。',
};

/** Names with their own note; none of them is a command the simulator has (tests/sim/hints.test.ts). */
export const HINTS: Readonly<Record<string, Hint>> = {
  htop: { en: 'htop is not simulated; use ps aux and docker stats --no-stream.', zh: '模拟器没有 htop；请用 ps aux 和 docker stats --no-stream。' },
  vi: EDITOR,
  vim: EDITOR,
  nano: EDITOR,
  emacs: EDITOR,
  ed: EDITOR,
  pico: EDITOR,
  man: { en: 'there are no manual pages here; most commands print their usage with --help.', zh: '这里没有手册页；大多数命令可用 --help 查看用法。' },
  apt: PACKAGES,
  'apt-get': PACKAGES,
  apk: PACKAGES,
  yum: PACKAGES,
  dnf: PACKAGES,
  pip: PACKAGES,
  pip3: PACKAGES,
  snap: PACKAGES,
  ifconfig: { en: 'ifconfig is not installed; use ip addr (or ip -br a).', zh: '没有安装 ifconfig；请用 ip addr（或 ip -br a）。' },
  netstat: {
    en: 'netstat is not installed; use ip addr, ip route and docker port NAME.',
    zh: '没有安装 netstat；请用 ip addr、ip route 和 docker port NAME。',
  },
  ssh: { en: 'there is no other machine to reach: this host has no network.', zh: '没有其他机器可连：这台主机没有网络。' },
  python: {
    en: 'there is no Python on this host; the shell (bash) and the course’s commands are here (see help).',
    zh: '这台主机上没有 Python；可以使用 shell（bash）和课程的命令（见 help）。',
  },
  python3: {
    en: 'there is no Python on this host; the shell (bash) and the course’s commands are here (see help).',
    zh: '这台主机上没有 Python；可以使用 shell（bash）和课程的命令（见 help）。',
  },
  git: { en: 'git is not installed on this host.', zh: '这台主机上没有安装 git。' },
  dokcer: { en: 'did you mean docker?', zh: '你是想输入 docker 吗？' },
  docekr: { en: 'did you mean docker?', zh: '你是想输入 docker 吗？' },
  dcoker: { en: 'did you mean docker?', zh: '你是想输入 docker 吗？' },
};

const GENERIC: Hint = {
  en: 'this simulated host does not have %s; type help for the commands it has.',
  zh: '这台模拟主机上没有 %s；输入 help 查看可用的命令。',
};

const IN_CONTAINER: Hint = {
  en: '%s is not in this image; images ship only what their program needs (try it on the host: exit first).',
  zh: '这个镜像里没有 %s；镜像只包含其程序需要的东西（可先 exit 回到主机再试）。',
};

/** Characters of a command name the not-found note quotes (a 10 KB name is cut with an ellipsis). */
const NOTE_NAME = 40;

/**
 * The note for `name` not found (where: 'host', or the container's flavour), or undefined for
 * names that are plainly typos of nothing (a single character, a path).
 */
function notFoundNote(name: string, _line: string, where: string, locale: Locale = 'en'): string | undefined {
  if (!/^[\w.+-]{2,}$/.test(name)) return undefined;
  const hint = Object.hasOwn(HINTS, name) ? HINTS[name] : undefined;
  // The shell's own message quotes the name in full, as bash does; the course's note quotes at most NOTE_NAME characters.
  const shown = [...name].length > NOTE_NAME ? `${[...name].slice(0, NOTE_NAME - 1).join('')}…` : name;
  const pick = (h: Hint) => (locale === 'zh-cn' ? h.zh : h.en).replace('%s', shown);
  if (hint) return pick(hint);
  return pick(where === 'host' ? GENERIC : IN_CONTAINER);
}

/** The notes for each "command not found" (bash's or busybox sh's) in a line's stderr. */
export function notFoundNotes(stderr: string, line: string, session: Session, locale: Locale): string[] {
  return [...stderr.matchAll(/^(?:-?bash: (?:line \d+: )?([^\s:]+): command not found|sh: ([^\s:]+): not found)$/gm)].flatMap((m) => {
    const note = notFoundNote((m[1] ?? m[2]) as string, line, session.root === 'host' ? 'host' : session.flavor, locale);
    return note ? [note] : [];
  });
}
