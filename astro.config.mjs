// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { readdirSync } from 'node:fs';

// Lessons are folders named NN-slug under content/lessons; the sidebar lists them in
// that order and Starlight takes each label from the lesson's title in each locale.
const lessonSlugs = readdirSync(new URL('./content/lessons/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d{2}-/.test(d.name))
  .map((d) => `lessons/${d.name}`)
  .sort();

export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'ignore',
  integrations: [
    starlight({
      title: { en: 'Container Course', 'zh-CN': '容器原理课程' },
      description: 'How containers really work: namespaces, cgroups, capabilities, images and Kubernetes security, practised in a simulated Linux host.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/course.css'],
      sidebar: [
        {
          label: 'Lessons',
          translations: { 'zh-CN': '课程' },
          items: lessonSlugs.map((slug) => ({ slug })),
        },
        {
          label: 'Glossary',
          translations: { 'zh-CN': '术语表' },
          link: '/glossary/',
        },
      ],
      components: {
        TwoColumnContent: './src/components/TwoColumnContent.astro',
        Head: './src/components/Head.astro',
      },
      lastUpdated: false,
      // Wrap long lines: a scrolling block becomes an unnamed region, and two of those
      // on one page break axe's landmark-unique rule.
      expressiveCode: { defaultProps: { wrap: true } },
      pagination: true,
    }),
  ],
});
