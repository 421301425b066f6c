import type { Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { kb } from '../../scripts/lib/browser.ts';
import { test, expect, axeRun } from './fixtures.ts';

/** Issue #13: the live Picture tab beside the terminal, and the lessons' static figures. */
const L6 = '/lessons/06-cgroups/';
const L7 = '/lessons/07-layers-and-overlay/';
const L5 = '/lessons/05-pods-and-shared-namespaces/';
/** Lesson 5's two-container pod, written and applied as its Run buttons do. */
const POD = [
  `printf '%s\\n' 'apiVersion: v1' 'kind: Pod' 'metadata:' '  name: cache-demo' 'spec:' '  containers:' '  - name: app' '    image: alpine:3.20' '    command: ["sleep", "3600"]' '  - name: memcached' '    image: memcached:1.6' > cache-demo.yaml`,
  'kubectl apply -f cache-demo.yaml',
];
const SIZES = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const LOCALES = [
  {
    prefix: '',
    start: 'Start the terminal',
    tab: 'Picture',
    cgroups: 'Control groups',
    layers: 'Layers and overlay',
    pods: 'Pods',
    podShared: 'held by the sandbox, shared in the pod',
    noPods: 'nothing to draw yet: no pods on node1 in this state',
    run: 'Run',
  },
  {
    prefix: '/zh-cn',
    start: '启动终端',
    tab: '图示',
    cgroups: '控制组',
    layers: '镜像层与叠加文件系统',
    pods: 'Pod',
    podShared: '由沙箱持有，Pod 内共享',
    noPods: '暂无可绘制的内容: node1 上还没有 Pod',
    run: '运行',
  },
] as const;

// The simulated host and a docker pull run in the page: give a busy CI machine time.
test.describe.configure({ timeout: 240_000 });

const screen = (page: Page) => page.locator('cc-terminal .xterm-rows');
const canvas = (page: Page) => page.locator('cc-picture [data-role="canvas"]');

/** Counts the terminal's cc:command events (one per finished command). */
const commandsDone = (page: Page) => page.evaluate(() => (window as unknown as { ccDone: number }).ccDone);
/**
 * Waits until more than `before` commands have finished: the page checks its count every frame (issue #14: polled
 * from here at Playwright's default intervals, a finished command was seen up to a second late).
 */
const doneAfter = (page: Page, before: number) =>
  page.waitForFunction((n) => (window as unknown as { ccDone: number }).ccDone > n, before, { timeout: 90_000 });

/** Runs a command through the terminal's own click-to-run path (cc:run) and waits until it finished. */
async function typeAndWait(page: Page, line: string) {
  const before = await commandsDone(page);
  await page.evaluate((command) => document.dispatchEvent(new CustomEvent('cc:run', { detail: { command } })), line);
  await doneAfter(page, before);
}

async function startAndRun(page: Page, path: string, start: string, lines: string[]) {
  await page.addInitScript(() => {
    const w = window as unknown as { ccDone: number; ccLast: unknown };
    w.ccDone = 0;
    document.addEventListener('cc:command', (e) => {
      w.ccDone++;
      const d = (e as CustomEvent<{ line: string; stdout: string }>).detail;
      w.ccLast = { line: d.line, stdout: d.stdout };
    });
  });
  await page.goto(path);
  // On a phone the workspace is a bottom sheet: the learner opens it first.
  const open = page.locator('.cc-sheet-open');
  if (await open.isVisible()) await open.click();
  await page.locator('cc-terminal').getByRole('button', { name: start }).click();
  await expect(screen(page)).toContainText('root@node1:~#', { timeout: 60_000 });
  for (const line of lines) await typeAndWait(page, line);
}

/**
 * Keyboard only, on the page as the learner left it (the terminal started, a container run):
 * open the Picture tab, pick the cgroups view, reach the docker scope's memory cell and run the
 * command it offers.
 */
async function keyboardWalk(page: Page, loc: (typeof LOCALES)[number]) {
  await page.getByRole('button', { name: loc.tab, exact: true }).focus();
  await page.keyboard.press('Enter');
  const tabs = page.locator('cc-picture [role="tab"]');
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(tabs.first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('cc-picture').getByRole('tab', { name: loc.cgroups })).toBeFocused();
  await expect(page.locator('cc-picture').getByRole('tab', { name: loc.cgroups })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  const first = canvas(page).locator('[data-node][tabindex="0"]');
  await expect(first).toBeFocused();
  // Down to the docker scope's memory cell.
  for (let i = 0; i < 40; i++) {
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-node') ?? '');
    if (id.startsWith('cg-mem-/system.slice/docker-')) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  const detail = page.locator('cc-picture [data-role="detail"]');
  await expect(detail).toContainText(/cat \/sys\/fs\/cgroup\/system\.slice\/docker-[0-9a-f]{64}\.scope\/memory\.max/);
  await page.keyboard.press('Tab');
  await expect(detail.getByRole('button', { name: new RegExp(`^${loc.run}: cat .*memory\\.max$`) })).toBeFocused();
  const before = await commandsDone(page);
  await page.keyboard.press('Enter');
  await doneAfter(page, before);
  // (xterm does not repaint while scrolled out of view, so read what the terminal ran from its event.)
  const last = (await page.evaluate(() => (window as unknown as { ccLast: { line: string; stdout: string } }).ccLast))!;
  expect(last.line).toMatch(/^cat \/sys\/fs\/cgroup\/system\.slice\/docker-[0-9a-f]{64}\.scope\/memory\.max$/);
  expect(last.stdout).toBe('104857600\n');
}

for (const loc of LOCALES) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    test.describe(`${loc.prefix || '/en'} at ${size} size`, () => {
      test.use({ viewport });

      test(`the cgroup view shows the new docker scope at 100M${size === 'laptop' ? '; keyboard only: open the tab, pick a view, reach a node, run the command it offers' : ''}`, async ({
        page,
      }) => {
        await startAndRun(page, `${loc.prefix}${L6}`, loc.start, ['docker run -d --name web --memory 100m nginx']);
        if (size === 'laptop') await keyboardWalk(page, loc);
        else await page.getByRole('button', { name: loc.tab, exact: true }).click();
        // The picture opens in view (on a phone: in the bottom sheet, which scrolls to it).
        await expect(page.locator('cc-picture [data-role="panel"] [data-role="canvas"]')).toBeInViewport();
        if (size === 'phone') {
          // The terminal above it keeps its height in the sheet (it was squeezed to its title bar).
          const term = await page.locator('cc-terminal').boundingBox();
          expect(term!.height).toBeGreaterThan(300);
        }
        await page.locator('cc-picture').getByRole('tab', { name: loc.cgroups }).click();
        const scope = canvas(page).locator('[data-node^="cg-mem-/system.slice/docker-"]');
        await expect(scope).toHaveCount(1);
        await expect(scope).toContainText('/ 100MiB');
        await expect(scope).toHaveAttribute('aria-label', /memory\.max 104857600 \(100MiB\)/);
      });

      test(`the overlay view shows the whiteout docker exec rm leaves${size === 'laptop' ? '; axe finds nothing wrong with the open tab and the static figure' : ''}`, async ({
        page,
      }) => {
        await startAndRun(page, `${loc.prefix}${L7}`, loc.start, ['docker run -d --name web nginx']);
        await page.getByRole('button', { name: loc.tab, exact: true }).click();
        await page.locator('cc-picture').getByRole('tab', { name: loc.layers }).click();
        await expect(canvas(page).locator('svg[data-view="layers"]')).toBeVisible();
        await expect(canvas(page)).not.toContainText('D /etc/nginx/conf.d/default.conf');
        // The tab is open: it redraws after the next command by itself.
        await typeAndWait(page, 'docker exec web rm /etc/nginx/conf.d/default.conf');
        const whiteout = canvas(page).locator('[data-node="ov-change-/etc/nginx/conf.d/default.conf"]');
        await expect(whiteout).toContainText('D /etc/nginx/conf.d/default.conf');
        await expect(whiteout.locator('rect[fill^="url(#"]')).toHaveCount(1); // a pattern, not colour alone
        if (size === 'laptop') {
          // axe finds nothing wrong with the open tab and the static figure.
          await canvas(page).locator('[data-node]').first().click({ timeout: 60_000 });
          await expect(page.locator('cc-picture [data-role="detail"] button').first()).toBeVisible();
          // The whole lesson page is axe-checked by a11y.spec; here the tab and the figure, open and drawn.
          expect(await axeRun(page, ['cc-picture', 'figure.cc-fig']).then((r) => r.violations)).toEqual([]);
        }
      });

      test('the pods view shows the pause sandbox holding the pod’s net, uts and ipc', async ({ page }) => {
        await startAndRun(page, `${loc.prefix}${L5}`, loc.start, []);
        // Before any pod exists the view says so, in the page's language.
        await page.getByRole('button', { name: loc.tab, exact: true }).click();
        await page.locator('cc-picture').getByRole('tab', { name: loc.pods, exact: true }).click();
        await expect(canvas(page)).toContainText(loc.noPods);
        for (const line of POD) await typeAndWait(page, line);
        // The kubelet pulls and starts the containers after apply returns: ask until both are running.
        await expect
          .poll(
            async () => {
              await typeAndWait(page, 'kubectl get pod cache-demo');
              return (await page.evaluate(() => (window as unknown as { ccLast: { stdout: string } }).ccLast)).stdout;
            },
            { timeout: 120_000 },
          )
          .toMatch(/cache-demo +2\/2 +Running/);
        // The Picture tab stayed open while the commands ran, on the Pods view: it redrew after each.
        await expect(canvas(page).locator('svg[data-view="pods"]')).toBeVisible();
        const cell = (member: string, type: string) => canvas(page).locator(`[data-node="podns-default/cache-demo/${member}-${type}"]`);
        // The inode a cell draws (its <text>; the <g> also holds a <title>).
        const drawn = (member: string, type: string) => cell(member, type).locator('text');
        await expect(canvas(page).locator('[data-node="podm-default/cache-demo/pause"]')).toContainText('/pause [pause]');
        for (const type of ['net', 'uts', 'ipc']) {
          const inode = (await drawn('pause', type).textContent())!;
          expect(inode).toMatch(/^\d{10}$/);
          for (const member of ['app', 'memcached']) {
            await expect(drawn(member, type)).toHaveText(inode);
            await expect(cell(member, type)).toHaveAttribute('aria-label', new RegExp(`${type}:\\[${inode}\\] — ${loc.podShared}$`));
          }
        }
        for (const type of ['mnt', 'pid', 'cgroup']) await expect(drawn('app', type)).not.toHaveText((await drawn('pause', type).textContent())!);
        // A cell offers the command that shows the same inode in the terminal.
        await cell('app', 'net').click();
        const detail = page.locator('cc-picture [data-role="detail"]');
        await expect(detail).toContainText(/ls -l \/proc\/\d+\/ns\/net/);
        await detail.getByRole('button', { name: new RegExp(`^${loc.run}: ls -l /proc/\\d+/ns/net$`) }).click();
        const inode = (await drawn('pause', 'net').textContent())!;
        await expect
          .poll(async () => (await page.evaluate(() => (window as unknown as { ccLast: { stdout: string } }).ccLast)).stdout, { timeout: 90_000 })
          .toContain(`net:[${inode}]`);
      });
    });
  }
}

test('static figures ship no JS; the live tab’s code loads only when opened and stays within 15 KB gzip; it redraws on every view', async ({
  page,
  request,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { ccDone: number; ccLast: unknown };
    w.ccDone = 0;
    document.addEventListener('cc:command', (e) => {
      w.ccDone++;
      const d = (e as CustomEvent<{ line: string; stdout: string }>).detail;
      w.ccLast = { line: d.line, stdout: d.stdout };
    });
  });
  await page.goto(L7, { waitUntil: 'networkidle' });
  const figures = page.locator('figure.cc-fig');
  await expect(figures).toHaveCount(1);
  expect(await figures.locator('script, [onclick], [onload]').count()).toBe(0);
  await expect(figures.locator('svg[role="img"] title').first()).toHaveText('Layers and overlay');
  await expect(figures.locator('a[download]')).toHaveAttribute('href', /^data:image\/svg\+xml/);
  // The tab's code: live.js and every chunk it imports, followed from the built files (some are
  // shared with the terminal; all are counted).
  const workspace = requests.find((u) => /Workspace\.astro_astro_type_script/.test(u));
  expect(workspace, 'the workspace script').toBeTruthy();
  const live = (await (await request.get(workspace!)).text()).match(/live\.[\w-]+\.js/)?.[0];
  expect(live, 'the Picture tab loads live.js on demand').toBeTruthy();
  const deps: string[] = [];
  const follow = async (file: string): Promise<void> => {
    if (deps.includes(file)) return;
    deps.push(file);
    const text = await (await request.get(`/_astro/${file}`)).text();
    for (const m of text.matchAll(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) if (!/^import\(/.test(m[0])) await follow(m[1]!);
  };
  await follow(live!);
  let gzip = 0;
  for (const d of deps) gzip += gzipSync(await (await request.get(`/_astro/${d}`)).body(), { level: 9 }).length;
  test.info().annotations.push({ type: 'picture-tab-js', description: `${deps.join(', ')}: ${kb(gzip)} gzip` });
  expect(gzip, deps.join(' ')).toBeLessThanOrEqual(15 * 1024);
  // Opened, it fetches its chunk and draws; after each command and on each view it redraws (each redraw's time reported).
  await page.locator('cc-terminal').getByRole('button', { name: 'Start the terminal' }).click();
  await expect(screen(page)).toContainText('root@node1:~#', { timeout: 60_000 });
  expect(
    requests.filter((u) => u.includes('/live.')),
    'nothing of the picture code before the tab opens',
  ).toEqual([]);
  await page.getByRole('button', { name: 'Picture', exact: true }).click();
  await expect(canvas(page).locator('svg')).toBeVisible();
  expect(requests.filter((u) => u.includes('/live.'))).toHaveLength(1);
  await typeAndWait(page, 'docker run -d --name web nginx');
  const times: number[] = [];
  for (const view of [
    'Layers and overlay',
    'Processes and namespaces',
    'Control groups',
    'Capabilities',
    'Networks',
    'Layers and overlay',
    'Processes and namespaces',
  ]) {
    await page.locator('cc-picture').getByRole('tab', { name: view }).click();
    times.push(Number(await page.locator('cc-picture [data-role="panel"]').getAttribute('data-redraw-ms')));
  }
  times.sort((a, b) => a - b);
  // Timings are reported, not asserted (a busy machine drew the median in 22 ms once): `npm run bench` gives the
  // redraw of each figure against its 16 ms budget. Here: every view was drawn, and measured.
  test.info().annotations.push({ type: 'picture-redraw-ms', description: times.join(' ') });
  for (const t of times) expect(Number.isFinite(t) && t >= 0).toBe(true);
});
