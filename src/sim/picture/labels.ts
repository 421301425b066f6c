/**
 * Figure labels in both locales. Terms the course defines come from the glossary
 * (content/glossary/terms.yaml, by id), so a figure names things exactly as the
 * lessons and the glossary page do; the remaining small words live here.
 */
export type Locale = 'en' | 'zh-cn';

/** Glossary ids a figure uses, by label key. */
export const GLOSSARY_KEYS = {
  namespace: 'namespace-linux',
  cgroup: 'control-group',
  capability: 'capability',
  boundingSet: 'bounding-set',
  layer: 'layer',
  overlay: 'overlay-filesystem',
  copyOnWrite: 'copy-on-write',
  whiteout: 'whiteout',
  digest: 'digest',
  manifestIndex: 'manifest-index',
  tag: 'tag',
  registry: 'registry',
  repository: 'repository',
  bridge: 'bridge-network',
  veth: 'veth-pair',
  ports: 'port-publishing',
  oom: 'oom-killer',
  throttling: 'cpu-throttling',
  image: 'image',
  container: 'container',
  pod: 'pod',
  pause: 'pause-sandbox-container',
} as const;

const WORDS = {
  en: {
    processes: 'Processes and namespaces', cgroups: 'Control groups', capabilities: 'Capabilities', layers: 'Layers and overlay', identity: 'Image identity', networks: 'Networks',
    pid: 'PID', nspid: 'NSpid', command: 'command', host: 'host', shared: 'shared with the host', newNs: 'new namespace', process: 'process',
    path: 'cgroup', memoryMax: 'memory.max', memoryCurrent: 'memory.current', cpuMax: 'cpu.max', pids: 'pids', oomKills: 'OOM kills', throttled: 'throttled periods', noLimit: 'no limit',
    set: 'set', mask: 'mask', names: 'capabilities', bitOn: 'in the set', bitOff: 'not in the set', droppedBit: 'dropped from the bounding set', none: 'none',
    merged: 'merged', upperdir: 'upperdir', lowerdir: 'lowerdir', initLayer: 'init layer', added: 'added', copyUp: 'copied up', deleted: 'deleted (whiteout)', opaque: 'opaque directory', size: 'size', instruction: 'instruction', diffId: 'diffID', change: 'change', noChanges: 'no changes yet',
    reference: 'reference', index: 'index', manifest: 'manifest', platform: 'platform', config: 'config = image ID', chosen: 'pulled for this host', level: 'level', value: 'value',
    iface: 'interface', ifindex: 'ifindex', peer: 'peer', master: 'master', addresses: 'addresses', netns: 'network namespace', published: 'published', owners: 'used by',
    pods: 'Pods', sandbox: 'sandbox (pause)', podShared: 'held by the sandbox, shared in the pod', ownNs: 'its own namespace', notRunning: 'not running',
    reveal: 'Commands that show this', run: 'Run', figure: 'Figure', download: 'Download SVG', downloadPng: 'Download PNG', pngFailed: 'The PNG could not be made', textAlt: 'The figure as a table', noState: 'nothing to draw yet',
  },
  'zh-cn': {
    processes: '进程与命名空间', cgroups: '控制组', capabilities: '能力', layers: '镜像层与叠加文件系统', identity: '镜像标识', networks: '网络',
    pid: 'PID', nspid: 'NSpid', command: '命令', host: '主机', shared: '与主机共享', newNs: '新的命名空间', process: '进程',
    path: '控制组', memoryMax: 'memory.max', memoryCurrent: 'memory.current', cpuMax: 'cpu.max', pids: 'pids', oomKills: 'OOM 终止次数', throttled: '被限流的周期', noLimit: '无限制',
    set: '集合', mask: '掩码', names: '能力', bitOn: '在集合中', bitOff: '不在集合中', droppedBit: '已从边界集中移除', none: '无',
    merged: '合并视图（merged）', upperdir: '上层目录（upperdir）', lowerdir: '下层目录（lowerdir）', initLayer: 'init 层', added: '新增', copyUp: '已复制到上层', deleted: '已删除（白障文件）', opaque: '不透明目录', size: '大小', instruction: '指令', diffId: 'diffID', change: '变更', noChanges: '尚无变更',
    reference: '镜像引用', index: '索引', manifest: '清单', platform: '平台', config: '配置 = 镜像 ID', chosen: '本机拉取的平台', level: '层级', value: '值',
    iface: '网络接口', ifindex: 'ifindex', peer: '对端', master: '所属网桥', addresses: '地址', netns: '网络命名空间', published: '已发布', owners: '使用者',
    pods: 'Pod', sandbox: '沙箱（pause）', podShared: '由沙箱持有，Pod 内共享', ownNs: '独有的命名空间', notRunning: '未运行',
    reveal: '显示这一事实的命令', run: '运行', figure: '图', download: '下载 SVG', downloadPng: '下载 PNG', pngFailed: '无法生成 PNG', textAlt: '以表格形式查看此图', noState: '暂无可绘制的内容',
  },
} as const;

export type WordKey = keyof (typeof WORDS)['en'];
export type TermKey = keyof typeof GLOSSARY_KEYS;
export type Labels = Record<WordKey | TermKey, string> & { locale: Locale };

export interface GlossaryTerm {
  id: string;
  en: string;
  zh: string;
}

/** Labels for one locale. Every glossary id above must exist: a missing one is an error naming the id. */
export function labelsFor(locale: Locale, terms: readonly GlossaryTerm[]): Labels {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const out: Record<string, string> = { ...WORDS[locale], locale };
  for (const [key, id] of Object.entries(GLOSSARY_KEYS)) {
    const t = byId.get(id);
    if (!t) throw new Error(`content/glossary/terms.yaml: the figures need the term "${id}", which is missing`);
    // The glossary's en cell may carry a parenthesis ("control group (cgroup)"); figures use the short head.
    out[key] = locale === 'en' ? t.en : t.zh;
  }
  return out as Labels;
}
