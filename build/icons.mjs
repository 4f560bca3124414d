#!/usr/bin/env node
// Renders icons/icon.svg and icons/icon-on.svg to PNGs at every size the manifest lists, with headless
// Chromium (the system's /usr/bin/chromium, or $CHROMIUM). The PNGs are committed, so a normal build never
// needs a browser; run this only after changing an SVG: `node build/icons.mjs`.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = join(root, 'icons');
const sizes = [16, 32, 48, 128];
const variants = ['icon', 'icon-on'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const variant of variants) {
    const svg = readFileSync(join(iconsDir, `${variant}.svg`), 'utf8');
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
          `<img src="${src}" width="${size}" height="${size}" alt="">`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      writeFileSync(join(iconsDir, `${variant}-${size}.png`), png);
      console.log(`icons/${variant}-${size}.png`);
    }
  }
} finally {
  await browser.close();
}
