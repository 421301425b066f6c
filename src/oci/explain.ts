/**
 * Explains an image reference part by part, in English or Chinese, for
 * `container-course ref` and the lesson widgets. Pure TypeScript.
 */
import { familiarString, ImageReferenceError, parseNormalizedNamed, referenceString, tagNameOnly, type ParsedReference } from './reference.ts';

export type Locale = 'en' | 'zh-cn';

export interface ExplainedPart {
  part: 'domain' | 'path' | 'namespace' | 'repository' | 'tag' | 'digest';
  value: string;
  /** Whether the value was filled in by Docker's defaults rather than written. */
  implied: boolean;
  text: string;
}

export interface RefReport {
  input: string;
  valid: boolean;
  error: string | null;
  domain: string | null;
  path: string | null;
  tag: string | null;
  digest: string | null;
  familiar: string | null;
  normalized: string | null;
  explained: ExplainedPart[];
}

type Msg = Record<Locale, (v: string) => string>;
const msg: Record<string, Msg> = {
  domain: {
    en: (v) => `registry host ${v}`,
    'zh-cn': (v) => `镜像仓库服务（registry）主机 ${v}`,
  },
  domainImplied: {
    en: (v) => `registry host ${v} (no host was written, so Docker Hub is assumed)`,
    'zh-cn': (v) => `镜像仓库服务（registry）主机 ${v}（未写主机，默认 Docker Hub）`,
  },
  domainPort: {
    en: (v) => `registry host ${v}; the part after ':' is a port, not a tag`,
    'zh-cn': (v) => `镜像仓库服务（registry）主机 ${v}；冒号后面是端口，不是标签`,
  },
  path: { en: (v) => `repository path ${v}`, 'zh-cn': (v) => `仓库路径 ${v}` },
  namespace: {
    en: (v) => `namespace ${v} (the account or organisation)`,
    'zh-cn': (v) => `命名空间 ${v}（账号或组织）`,
  },
  namespaceImplied: {
    en: (v) => `namespace ${v} (official images on Docker Hub live under library/)`,
    'zh-cn': (v) => `命名空间 ${v}（Docker Hub 官方镜像位于 library/ 下）`,
  },
  repository: { en: (v) => `repository ${v}`, 'zh-cn': (v) => `仓库 ${v}` },
  tag: {
    en: (v) => `tag ${v}: a mutable label that can move to another image`,
    'zh-cn': (v) => `标签 ${v}：可变的标记，可能被移到另一个镜像`,
  },
  tagImplied: {
    en: () => `tag latest (no tag or digest was written, so Docker uses "latest"; it is a name, not "the newest")`,
    'zh-cn': () => `标签 latest（未写标签或摘要，Docker 默认使用 "latest"；它只是一个名字，不代表“最新”）`,
  },
  digest: {
    en: (v) => `digest ${v}: the content hash of the manifest; it pins the exact image`,
    'zh-cn': (v) => `摘要 ${v}：清单内容的哈希，精确固定镜像`,
  },
  digestWithTag: {
    en: (v) => `digest ${v}: pins the image; when both are given, the tag is ignored for pulling`,
    'zh-cn': (v) => `摘要 ${v}：固定镜像；同时给出标签和摘要时，拉取只看摘要`,
  },
};

export function explainReference(input: string, locale: Locale = 'en'): RefReport {
  let r: ParsedReference;
  try {
    r = parseNormalizedNamed(input);
  } catch (e) {
    const error = e instanceof ImageReferenceError ? e.message : String(e);
    return {
      input,
      valid: false,
      error,
      domain: null,
      path: null,
      tag: null,
      digest: null,
      familiar: null,
      normalized: null,
      explained: [],
    };
  }
  const t = (key: string, v: string) => msg[key]![locale](v);
  const explained: ExplainedPart[] = [];
  // Whether the input named a registry host itself (normalize.go splitDockerDomain's test).
  const first = input.split('/')[0]!;
  const writtenDomain = input.includes('/') && (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first);
  const domainKey = !writtenDomain ? 'domainImplied' : r.domain.includes(':') && !r.domain.startsWith('[') ? 'domainPort' : 'domain';
  explained.push({ part: 'domain', value: r.domain, implied: !writtenDomain, text: t(domainKey, r.domain) });
  explained.push({ part: 'path', value: r.path, implied: false, text: t('path', r.path) });
  const slash = r.path.lastIndexOf('/');
  if (slash > 0) {
    const ns = r.path.slice(0, slash);
    const implied = r.domain === 'docker.io' && ns === 'library' && !input.includes('library/');
    explained.push({ part: 'namespace', value: ns, implied, text: t(implied ? 'namespaceImplied' : 'namespace', ns) });
  }
  const repo = r.path.slice(slash + 1);
  explained.push({ part: 'repository', value: repo, implied: false, text: t('repository', repo) });
  const withTag = tagNameOnly(r);
  if (withTag.tag) {
    const implied = !r.tag;
    explained.push({ part: 'tag', value: withTag.tag, implied, text: t(implied ? 'tagImplied' : 'tag', withTag.tag) });
  }
  if (r.digest) explained.push({ part: 'digest', value: r.digest, implied: false, text: t(r.tag ? 'digestWithTag' : 'digest', r.digest) });
  return {
    input,
    valid: true,
    error: null,
    domain: r.domain,
    path: r.path,
    tag: r.tag || null,
    digest: r.digest || null,
    familiar: familiarString(r),
    normalized: referenceString(withTag),
    explained,
  };
}
