/** Cross-file rules: a Dockerfile read together with the manifests that run its image. */
import type { RuleDef } from '../rule.ts';
import { NON_ROOT_BASES } from './dockerfile.ts';

export const crossRules: RuleDef[] = [
  {
    id: 'x-root-image-run-as-non-root',
    target: 'cross',
    template: 'root-image-vs-run-as-non-root',
    params: { nonRootBases: NON_ROOT_BASES },
    category: 'cross-file',
    severity: 'error',
    title: { en: "runAsNonRoot matches the image's user", 'zh-cn': 'runAsNonRoot 与镜像用户一致' },
    message: {
      en: 'container "{container}" sets runAsNonRoot but the image user is "{value}" ({where}); the kubelet will refuse to start it: Error: {kubelet}',
      'zh-cn': '容器 "{container}" 设置了 runAsNonRoot，但镜像用户是 "{value}"（{where}）；kubelet 会拒绝启动：Error: {kubelet}',
    },
    remediation: {
      en: "Add a numeric USER (e.g. USER 10001) to the Dockerfile's final stage, or set runAsUser to a non-zero UID.",
      'zh-cn': '在 Dockerfile 的最终阶段加入数字 USER（如 USER 10001），或把 runAsUser 设为非 0 的 UID。',
    },
  },
  {
    id: 'x-expose-container-port',
    target: 'cross',
    template: 'expose-vs-container-port',
    params: {},
    category: 'cross-file',
    severity: 'warning',
    title: { en: 'containerPort matches EXPOSE', 'zh-cn': 'containerPort 与 EXPOSE 一致' },
    message: {
      en: 'container "{container}" declares port {value}, but the Dockerfile EXPOSEs {exposed}',
      'zh-cn': '容器 "{container}" 声明的端口是 {value}，但 Dockerfile EXPOSE 的是 {exposed}',
    },
    remediation: { en: 'Use the port the app listens on in both places.', 'zh-cn': '两处都使用应用实际监听的端口。' },
  },
  {
    id: 'x-read-only-writes',
    target: 'cross',
    template: 'read-only-vs-writes',
    params: { knownWrites: { nginx: ['/var/cache/nginx', '/var/run'], postgres: ['/var/lib/postgresql/data', '/var/run/postgresql'], redis: ['/data'] } },
    category: 'cross-file',
    severity: 'warning',
    title: { en: 'A read-only root filesystem has volumes where the image writes', 'zh-cn': '只读根文件系统在镜像写入的位置挂载了卷' },
    message: {
      en: 'container "{container}" has readOnlyRootFilesystem: true, but the image ({base}) writes to {value} and no volume is mounted there',
      'zh-cn': '容器 "{container}" 设置了 readOnlyRootFilesystem: true，但镜像（{base}）会写入 {value}，而那里没有挂载卷',
    },
    remediation: {
      en: 'Mount an emptyDir at that path; otherwise the app fails with "Read-only file system".',
      'zh-cn': '在该路径挂载 emptyDir，否则应用会报 "Read-only file system"。',
    },
  },
];
