/** Dockerfile rules, as data. */
import type { RuleDef } from '../rule.ts';

export const NON_ROOT_BASES = ['^gcr\\.io/distroless/[^:@]+:(nonroot|debug-nonroot|latest-nonroot)', '^cgr\\.dev/chainguard/'];
export const MINIMAL_BASES = ['^scratch$', 'distroless', '(^|[-.:])slim([-.]|$)', 'alpine', '^busybox', 'cgr\\.dev/chainguard', 'ubi[0-9]*-(micro|minimal)'];
export const DELETE_COMMANDS = ['^rm\\s', '^apt(-get)?\\s+(-\\S+\\s+)*(purge|autoremove|remove|clean)\\b', '^apk\\s+del\\b', '^(yum|dnf)\\s+(remove|clean)\\b', '^pip3?\\s+(uninstall|cache\\s+purge)\\b', '^npm\\s+(uninstall|prune|cache\\s+clean)\\b'];
export const INSTALL_COMMANDS = ['\\bnpm\\s+(ci|install|i)\\b', '\\byarn(\\s+install)?\\s*($|--)', '\\bpnpm\\s+install\\b', '\\bpip3?\\s+install\\s+(.*\\s)?-r\\b', '\\bgo\\s+mod\\s+download\\b', '\\bbundle\\s+install\\b', '\\bcomposer\\s+install\\b', '\\bpoetry\\s+install\\b'];
export const SECRET_NAME = '(^|_)(PASSWORD|PASSWD|PWORD|SECRET|TOKEN|APIKEY|API_KEY|CREDENTIALS?|PRIVATE_KEY|ACCESS_KEY|AUTH)(_|$)';

export const dockerfileRules: RuleDef[] = [
  {
    id: 'df-from-pinned', target: 'dockerfile', template: 'from-pinned', params: { require: 'tag' },
    category: 'dockerfile', severity: 'error',
    title: { en: 'FROM names a pinned base image', 'zh-cn': 'FROM 使用固定的基础镜像' },
    message: { en: 'FROM {value} {problem}', 'zh-cn': 'FROM {value} {problem}' },
    remediation: { en: 'Name a version tag (debian:12, golang:1.22) or a digest (image@sha256:…), so rebuilds use the same base.', 'zh-cn': '写明版本标签（debian:12、golang:1.22）或摘要（image@sha256:…），让每次构建用同一个基础镜像。' },
  },
  {
    id: 'df-from-digest', target: 'dockerfile', template: 'from-pinned', params: { require: 'digest' },
    category: 'dockerfile', severity: 'info',
    title: { en: 'FROM pins the base image by digest', 'zh-cn': 'FROM 用摘要固定基础镜像' },
    message: { en: 'FROM {value} is not pinned by digest', 'zh-cn': 'FROM {value} 没有用摘要固定' },
    remediation: { en: 'Append @sha256:<digest> to make the build reproducible even if the tag moves.', 'zh-cn': '追加 @sha256:<摘要>，即使标签被移动，构建也可重现。' },
  },
  {
    id: 'df-user-non-root', target: 'dockerfile', template: 'last-user-non-root', params: { nonRootBases: NON_ROOT_BASES },
    category: 'dockerfile', severity: 'error',
    title: { en: 'The final image runs as a non-root user', 'zh-cn': '最终镜像以非 root 用户运行' },
    message: { en: '{why}', 'zh-cn': '{why}' },
    remediation: { en: 'Add USER with a numeric non-root UID (e.g. USER 10001) in the final stage; earlier build stages may stay root.', 'zh-cn': '在最终阶段加入数字形式的非 root USER（例如 USER 10001）；之前的构建阶段可以保持 root。' },
  },
  {
    id: 'df-exec-form', target: 'dockerfile', template: 'exec-form', params: {},
    category: 'dockerfile', severity: 'warning',
    title: { en: 'CMD and ENTRYPOINT use the exec form', 'zh-cn': 'CMD 和 ENTRYPOINT 使用 exec 形式' },
    message: { en: '{keyword} {value} uses the shell form: /bin/sh -c becomes PID 1 and the app never gets SIGTERM', 'zh-cn': '{keyword} {value} 使用了 shell 形式：/bin/sh -c 成为 1 号进程，应用收不到 SIGTERM' },
    remediation: { en: 'Write it as a JSON array, e.g. CMD ["nginx", "-g", "daemon off;"].', 'zh-cn': '写成 JSON 数组，例如 CMD ["nginx", "-g", "daemon off;"]。' },
  },
  {
    id: 'df-apt-update-install', target: 'dockerfile', template: 'apt-update-install', params: {},
    category: 'dockerfile', severity: 'error',
    title: { en: 'apt-get update and install share one RUN', 'zh-cn': 'apt-get update 与 install 在同一个 RUN 中' },
    message: { en: 'this RUN {problem}', 'zh-cn': '这个 RUN {problem}' },
    remediation: { en: 'Write RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/* as one instruction.', 'zh-cn': '写成一条指令：RUN apt-get update && apt-get install -y … && rm -rf /var/lib/apt/lists/*。' },
  },
  {
    id: 'df-apt-lists-cleaned', target: 'dockerfile', template: 'apt-lists-cleaned', params: {},
    category: 'dockerfile', severity: 'warning',
    title: { en: 'apt lists are removed in the installing RUN', 'zh-cn': '在安装的 RUN 中删除 apt 列表' },
    message: { en: 'apt-get install leaves /var/lib/apt/lists in the layer', 'zh-cn': 'apt-get install 把 /var/lib/apt/lists 留在了镜像层中' },
    remediation: { en: 'End the same RUN with && rm -rf /var/lib/apt/lists/*.', 'zh-cn': '在同一个 RUN 末尾加上 && rm -rf /var/lib/apt/lists/*。' },
  },
  {
    id: 'df-no-later-delete', target: 'dockerfile', template: 'later-layer-delete', params: { deleteCommands: DELETE_COMMANDS },
    category: 'dockerfile', severity: 'warning',
    title: { en: 'No layer only deletes what an earlier layer added', 'zh-cn': '没有只删除前面层内容的层' },
    message: { en: 'RUN {value} only deletes files; they stay in the earlier layer and the image does not get smaller', 'zh-cn': 'RUN {value} 只是删除文件；文件仍在之前的镜像层中，镜像不会变小' },
    remediation: { en: 'Delete in the same RUN that created the files (or use a multi-stage build).', 'zh-cn': '在创建这些文件的同一个 RUN 中删除（或使用多阶段构建）。' },
  },
  {
    id: 'df-deps-before-source', target: 'dockerfile', template: 'deps-before-source', params: { installCommands: INSTALL_COMMANDS },
    category: 'dockerfile', severity: 'warning',
    title: { en: 'Dependencies are installed before COPY . .', 'zh-cn': '在 COPY . . 之前安装依赖' },
    message: { en: 'COPY of the whole context comes before "{install}" (line {installLine}); any source edit re-runs the install', 'zh-cn': '复制整个上下文在 "{install}"（第 {installLine} 行）之前；任何源码修改都会重新安装依赖' },
    remediation: { en: 'COPY only the dependency manifests (package.json package-lock.json, or go.mod go.sum), install, then COPY . .', 'zh-cn': '先只 COPY 依赖清单（package.json package-lock.json 或 go.mod go.sum）并安装，再 COPY . .。' },
  },
  {
    id: 'df-final-stage-minimal', target: 'dockerfile', template: 'final-stage-minimal', params: { minimal: MINIMAL_BASES },
    category: 'dockerfile', severity: 'warning',
    title: { en: 'A multi-stage build ends on a small base', 'zh-cn': '多阶段构建以小型基础镜像结束' },
    message: { en: 'the final stage builds on {value}, so the build tools ship in the image', 'zh-cn': '最终阶段基于 {value}，构建工具会被打包进镜像' },
    remediation: { en: 'End on scratch, gcr.io/distroless/static, or a -slim/alpine image, and COPY --from the build stage only what runs.', 'zh-cn': '以 scratch、gcr.io/distroless/static 或 -slim/alpine 镜像结束，只用 COPY --from 复制运行所需的文件。' },
  },
  {
    id: 'df-copy-not-add', target: 'dockerfile', template: 'copy-not-add', params: {},
    category: 'dockerfile', severity: 'warning',
    title: { en: 'COPY rather than ADD for local files', 'zh-cn': '本地文件用 COPY 而不是 ADD' },
    message: { en: 'ADD {value} copies local files; ADD also unpacks archives and fetches URLs, which is surprising', 'zh-cn': 'ADD {value} 复制本地文件；ADD 还会解压归档、下载 URL，容易出乎意料' },
    remediation: { en: 'Use COPY for files and directories.', 'zh-cn': '文件和目录请用 COPY。' },
  },
  {
    id: 'df-workdir-absolute', target: 'dockerfile', template: 'workdir-absolute', params: {},
    category: 'dockerfile', severity: 'warning',
    title: { en: 'WORKDIR is an absolute path', 'zh-cn': 'WORKDIR 使用绝对路径' },
    message: { en: 'WORKDIR {value} is relative; it depends on the previous WORKDIR', 'zh-cn': 'WORKDIR {value} 是相对路径，取决于之前的 WORKDIR' },
    remediation: { en: 'Write an absolute path such as WORKDIR /app.', 'zh-cn': '写绝对路径，例如 WORKDIR /app。' },
  },
  {
    id: 'df-no-secrets', target: 'dockerfile', template: 'no-secrets-in-arg-env', params: { pattern: SECRET_NAME },
    category: 'dockerfile', severity: 'error',
    title: { en: 'No secrets in ARG or ENV', 'zh-cn': 'ARG 和 ENV 中没有机密' },
    message: { en: '{keyword} {name} looks like a secret; its value stays in the image history', 'zh-cn': '{keyword} {name} 看起来是机密；它的值会留在镜像历史中' },
    remediation: { en: 'Use a build secret (RUN --mount=type=secret,id=…) or pass it at run time from a Secret.', 'zh-cn': '使用构建机密（RUN --mount=type=secret,id=…），或在运行时从 Secret 传入。' },
  },
  {
    id: 'df-heredoc-terminated', target: 'dockerfile', template: 'heredoc-terminated', params: {},
    category: 'dockerfile', severity: 'error',
    title: { en: 'Heredocs are closed', 'zh-cn': 'Heredoc 已闭合' },
    message: { en: 'the heredoc <<{value} is never closed: no line with just "{value}" follows', 'zh-cn': 'heredoc <<{value} 没有闭合：后面没有只含 "{value}" 的行' },
    remediation: { en: 'End the heredoc with a line that holds only its delimiter.', 'zh-cn': '用只含分隔符的一行结束 heredoc。' },
  },
];
