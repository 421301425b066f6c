/** The files of a starter repository for one exercise (`container-course assignment new`). */
import type { Locale } from '../checker/types.ts';
import type { Exercise } from '../schemas/exercise.ts';

export type LocaleChoice = Locale | 'both';

/** The files a student hands in, under the exact names `grade` reads, with their starting content. */
export function starterFiles(ex: Exercise): Record<string, string> {
  if (ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile') return ex.start;
  if (ex.kind === 'shell-goal') {
    return {
      'commands.sh': `# ${ex.id}: ${ex.title.en}\n# One shell command a line, in order; lines starting with # are ignored.\n# 一行一条命令，按顺序执行；以 # 开头的行会被忽略。\n`,
    };
  }
  const questions = ex.kind === 'quiz' ? ex.questions : [];
  return {
    'submission.json': `${JSON.stringify({ format: 'container-course-submission', version: 1, exercise: ex.id, answers: Object.fromEntries(questions.map((q) => [q.id, []])) }, null, 2)}\n`,
  };
}

/** The solution in the same files (for the teacher's own test run; never written into the student repository). */
export function solutionFiles(ex: Exercise): Record<string, string> {
  if (ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile') return ex.solution;
  if (ex.kind === 'shell-goal') return { 'commands.sh': `${ex.solution.join('\n')}\n` };
  return { 'submission.json': `${JSON.stringify({ format: 'container-course-submission', version: 1, exercise: ex.id, answers: ex.solution }, null, 2)}\n` };
}

export function gradeCommand(ex: Exercise, version: string): string {
  return `npx --yes container-course@${version} grade --exercise ${ex.id} .`;
}

const R = {
  en: {
    task: 'Task',
    files: 'What to hand in',
    filesText: (names: string[]) =>
      `Edit ${names.map((n) => `\`${n}\``).join(' and ')} in this repository and push. The grader reads ${names.length === 1 ? 'this file' : 'these files'} under ${names.length === 1 ? 'this exact name' : 'these exact names'}.`,
    shell:
      "Write the shell commands that reach the goal in `commands.sh`, one a line. The grader runs them in a fresh simulated host (the same one as the course site's terminal) and checks the end state. You can also paste the file the course site's **Download submission** button writes.",
    quiz: "Put the ids of your chosen answers in `submission.json`, or replace it with the file the course site's **Download submission** button writes.",
    site: 'You can also work on the course site and use **Download submission**: commit the downloaded `submission-*.json` file instead (it may carry your name and id).',
    hints: 'Hints and hidden checks',
    hintsText:
      'Every push is graded. The report names each failing check and gives a hint for it. Some checks are hidden: they count, but are shown only as "hidden check N". An unchanged starter scores 0.',
    local: 'Check your work locally',
    localText: 'With Node.js 20 or newer:',
    points: 'The last line, `Points X/Y`, is your score. GitHub Classroom reads it from the workflow run.',
  },
  'zh-cn': {
    task: '任务',
    files: '需要提交的内容',
    filesText: (names: string[]) => `在本仓库中编辑 ${names.map((n) => `\`${n}\``).join(' 和 ')} 并推送（push）。评分器按这个确切的文件名读取。`,
    shell:
      '把能达成目标的 shell 命令写进 `commands.sh`，一行一条。评分器会在一台全新的模拟主机（与课程网站终端相同）中执行它们，然后检查最终状态。也可以粘贴课程网站 **下载提交** 按钮生成的文件。',
    quiz: '把你选择的答案 id 写进 `submission.json`，或用课程网站 **下载提交** 按钮生成的文件替换它。',
    site: '也可以在课程网站上完成练习，再用 **下载提交** 按钮下载，提交下载得到的 `submission-*.json` 文件（其中可以带有你的姓名和学号）。',
    hints: '提示与隐藏检查',
    hintsText: '每次推送都会评分。报告会列出每一项未通过的检查，并给出提示。部分检查是隐藏的：它们计分，但只显示为"隐藏检查 N"。未修改的初始文件得 0 分。',
    local: '在本地检查',
    localText: '需要 Node.js 20 或更高版本：',
    points: '最后一行 `Points X/Y` 就是你的得分。GitHub Classroom 从工作流运行结果中读取它。',
  },
} as const;

export function readme(ex: Exercise, locale: LocaleChoice, version: string): string {
  const locales: Locale[] = locale === 'both' ? ['en', 'zh-cn'] : [locale];
  const names = Object.keys(starterFiles(ex));
  const parts: string[] = [];
  for (const l of locales) {
    const r = R[l];
    parts.push(
      `# ${ex.id}: ${ex.title[l]}`,
      '',
      `## ${r.task}`,
      '',
      ex.task[l],
      '',
      `## ${r.files}`,
      '',
      ex.kind === 'shell-goal' ? r.shell : ex.kind === 'quiz' ? r.quiz : r.filesText(names),
      '',
      r.site,
      '',
      `## ${r.hints}`,
      '',
      r.hintsText,
      '',
      `## ${r.local}`,
      '',
      r.localText,
      '',
      '```sh',
      gradeCommand(ex, version),
      ...(ex.kind === 'k8s-yaml' || ex.kind === 'dockerfile' ? [`npx --yes container-course@${version} check ${names.join(' ')}`] : []),
      '```',
      '',
      r.points,
      '',
    );
  }
  return parts.join('\n');
}

export function githubWorkflow(ex: Exercise, version: string): string {
  return `# Grades every push with the pinned container-course CLI. GitHub Classroom reads the
# "Points X/Y" line of the run; the job fails until the work gets full marks.
name: Autograding
on:
  push:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  grade:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Grade ${ex.id}
        run: ${gradeCommand(ex, version)}
`;
}

export function gitlabCi(ex: Exercise, version: string): string {
  return `# Grades every push with the pinned container-course CLI; the JUnit report shows each
# failing check and why in the merge request, and the log ends with "Points X/Y".
grade:
  image: node:20
  script:
    - ${gradeCommand(ex, version)} --format junit --out junit.xml
  artifacts:
    when: always
    reports:
      junit: junit.xml
`;
}

export function lockFile(ex: Exercise, rules: string, version: string): string {
  return `${JSON.stringify({ rules, exercise: ex.id, cli: version }, null, 2)}\n`;
}
