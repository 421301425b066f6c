import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';

/**
 * Issue #13: a figure downloads as SVG or PNG. The PNG is the SVG file drawn by the browser
 * at twice its size on white, in either theme (the laptop runs use the light theme, the
 * phone runs the dark one). One page visit per locale and size: lesson 1's static figure,
 * then the live Picture tab beside the started terminal.
 */
const L1 = '/lessons/01-containers-are-processes/';
const SIZES = {
  laptop: { viewport: { width: 1366, height: 768 }, theme: 'light' },
  phone: { viewport: { width: 390, height: 844 }, theme: 'dark' },
} as const;
const LOCALES = [
  { prefix: '', start: 'Start the terminal', tab: 'Picture', svg: 'Download SVG', png: 'Download PNG' },
  { prefix: '/zh-cn', start: '启动终端', tab: '图示', svg: '下载 SVG', png: '下载 PNG' },
] as const;

test.describe.configure({ timeout: 120_000 });

/** The PNG's size from its IHDR chunk, after checking the signature and the closing IEND chunk. */
function pngHeader(file: Buffer): { width: number; height: number } {
  expect([...file.subarray(0, 8)], 'the PNG signature').toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(file.toString('latin1', 12, 16)).toBe('IHDR');
  expect(file.toString('latin1', file.length - 8, file.length - 4)).toBe('IEND');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** The browser decodes the PNG: its size, whether every pixel is opaque, its corner pixel, and the share of dark (ink) pixels. */
function decoded(page: Page, file: Buffer) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    let opaque = true;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i]! + d[i + 1]! + d[i + 2]! < 200) dark++;
      if (d[i + 3] !== 255) opaque = false;
    }
    return { width: img.naturalWidth, height: img.naturalHeight, opaque, corner: [...d.slice(0, 4)], dark: dark / (d.length / 4) };
  }, file.toString('base64'));
}

/** Checks a downloaded PNG against the SVG it was made from (its width and height attributes). */
async function expectPng(page: Page, download: Download, name: string, svg: { width: number; height: number }) {
  expect(download.suggestedFilename()).toBe(name);
  const file = await readFile((await download.path())!);
  const size = pngHeader(file);
  expect(size).toEqual({ width: svg.width * 2, height: svg.height * 2 });
  const pixels = await decoded(page, file);
  expect(pixels).toMatchObject({ ...size, opaque: true, corner: [255, 255, 255, 255] });
  expect(pixels.dark, 'text and lines are drawn').toBeGreaterThan(0.01);
  test.info().annotations.push({ type: 'png', description: `${name}: ${size.width}×${size.height}, ${file.length} bytes` });
}

const svgSize = async (page: Page, selector: string) =>
  page.locator(selector).evaluate((svg) => ({ width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) }));

for (const loc of LOCALES) {
  for (const [size, { viewport, theme }] of Object.entries(SIZES)) {
    test.describe(`${loc.prefix || '/en'} at ${size} size, ${theme} theme`, () => {
      test.use({ viewport, colorScheme: theme });

      test('the static figure and the live Picture tab download as PNG (and the tab as SVG)', async ({ page }) => {
        await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
        await page.goto(`${loc.prefix}${L1}`);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);

        // The lesson's figure: its PNG button, beside the SVG link.
        const figure = page.locator('figure.cc-fig').first();
        const link = figure.getByRole('link', { name: loc.svg });
        const svgName = (await link.getAttribute('download'))!;
        expect(svgName).toMatch(/^processes-[0-9a-z]+\.svg$/);
        const button = figure.getByRole('button', { name: loc.png });
        await button.scrollIntoViewIfNeeded();
        const staticPng = page.waitForEvent('download');
        await button.click();
        await expectPng(page, await staticPng, svgName.replace(/\.svg$/, '.png'), await svgSize(page, 'figure.cc-fig >> nth=0 >> svg'));
        await expect(figure.locator('[data-role="png-status"]')).toHaveText('');

        // The live tab (on a phone, in the bottom sheet), keyboard only: SVG with Enter, Tab, PNG with Enter.
        const open = page.locator('.cc-sheet-open');
        if (await open.isVisible()) await open.click();
        await page.locator('cc-terminal').getByRole('button', { name: loc.start }).click();
        await expect(page.locator('cc-terminal .xterm-rows')).toContainText('root@node1:~#', { timeout: 60_000 });
        await page.getByRole('button', { name: loc.tab, exact: true }).click();
        const live = page.locator('cc-picture [data-role="panel"]');
        await expect(live.locator('[data-role="canvas"] svg[data-view="processes"]')).toBeVisible();
        await live.getByRole('button', { name: loc.svg }).focus();
        const svgDownload = page.waitForEvent('download');
        await page.keyboard.press('Enter');
        const svgFile = await svgDownload;
        expect(svgFile.suggestedFilename()).toBe('processes.svg');
        const svgText = await readFile((await svgFile.path())!, 'utf8');
        expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" width="\d+" height="\d+" role="img"/);
        expect(svgText, 'the file has no live-form focus attributes').not.toContain('tabindex');
        await page.keyboard.press('Tab');
        await expect(live.getByRole('button', { name: loc.png })).toBeFocused();
        const livePng = page.waitForEvent('download');
        await page.keyboard.press('Enter');
        await expectPng(page, await livePng, 'processes.png', await svgSize(page, 'cc-picture [data-role="canvas"] svg'));
        await expect(live.getByRole('status')).toHaveText('');
      });
    });
  }
}
