import { describe, expect, it } from 'vitest';
import { dottedPath, fill, languageOf, showValue } from '../../../src/ui/exercise/text.ts';

describe('finding texts', () => {
  it('writes JSON pointers as the field paths kubectl prints', () => {
    expect(dottedPath('/spec/containers/0/securityContext/drop')).toBe('spec.containers[0].securityContext.drop');
    expect(dottedPath('/spec/template/spec/containers/1/resources/limits/memory')).toBe('spec.template.spec.containers[1].resources.limits.memory');
    expect(dottedPath('/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1demo')).toBe(
      'metadata.annotations.container.apparmor.security.beta.kubernetes.io/demo',
    );
    expect(dottedPath('/instructions/3')).toBe('instructions[3]');
  });

  it('shows effective values as text', () => {
    expect(showValue(undefined, 'unset')).toBe('unset');
    expect(showValue('nginx:1.25', 'unset')).toBe('nginx:1.25');
    expect(showValue(['ALL'], 'unset')).toBe('["ALL"]');
    expect(showValue(false, 'unset')).toBe('false');
    expect(showValue('<img src=x onerror=alert(1)>', 'unset')).toBe('<img src=x onerror=alert(1)>');
  });

  it('fills {placeholders} and leaves unknown ones', () => {
    expect(fill('Score: {score} of {max}', { score: 7, max: 10 })).toBe('Score: 7 of 10');
    expect(fill('得分：{score} / {max}', { score: 0 })).toBe('得分：0 / {max}');
  });

  it('picks the editor language by file name', () => {
    expect(
      ['Dockerfile', 'app/Dockerfile', 'Dockerfile.prod', 'Containerfile', 'build.dockerfile', 'pod.yaml', 'k.yml', 'entrypoint.sh', 'README'].map(languageOf),
    ).toEqual(['dockerfile', 'dockerfile', 'dockerfile', 'dockerfile', 'dockerfile', 'yaml', 'yaml', 'shell', 'plaintext']);
  });
});
