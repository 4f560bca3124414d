#!/usr/bin/env node
// `npm start`: after the build, open the seed-like news page in Chromium with the extension loaded, open the
// reader with a real toolbar click, and save a screenshot. With a display ($DISPLAY) the browser window stays
// open until you close it; without one it runs headless and exits after the screenshot.
import { chromium } from 'playwright-core';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixturesRoot = join(root, 'test', 'fixtures');
const pagePath = 'pages/independent-2014-seed-inside/source.html';
const extensionDir = join(root, 'build', 'chrome');
const screenshotFile = join(root, 'test-results', 'demo.png');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const { args: chromiumFlags } = JSON.parse(
  readFileSync(join(root, 'test/e2e/support/chromium-flags.json'), 'utf8'),
);
const headed = Boolean(process.env.DISPLAY);

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

/** Serves test/fixtures on 127.0.0.1 (a free port); nothing outside that folder. */
function serveFixtures() {
  const server = createServer((request, response) => {
    const file = normalize(
      join(fixturesRoot, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)),
    );
    const inside = file.startsWith(fixturesRoot + sep);
    if (!inside || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

/** The real toolbar click: CDP Extensions.triggerAction on the page's tab target. */
async function clickToolbarButton(context, page, extensionId) {
  await page.bringToFront();
  const cdp = await context.browser().newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((info) => info.url === page.url() && info.embedderData?.tabActive);
  if (!tab) throw new Error(`No tab target shows ${page.url()}`);
  await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
}

async function main() {
  for (const [path, hint] of [
    [join(extensionDir, 'manifest.json'), 'run `npm run build` first'],
    [executablePath, 'install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH'],
    [join(fixturesRoot, pagePath), 'the seed-like fixture page is missing'],
  ]) {
    if (!existsSync(path)) throw new Error(`${path} not found: ${hint}`);
  }
  const server = await serveFixtures();
  const profile = mkdtempSync(join(tmpdir(), 'broadsheet-demo-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: !headed,
      args: [
        ...chromiumFlags,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
      viewport: { width: 1280, height: 900 },
    });
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('404'))
        consoleErrors.push(message.text());
    });
    const url = `http://127.0.0.1:${server.address().port}/${pagePath}`;
    await page.goto(url, { waitUntil: 'load' });
    await clickToolbarButton(context, page, extensionId);
    await page
      .locator('#broadsheet-reader-host [role="dialog"] :is(h1.bs-title, .bs-empty)')
      .first()
      .waitFor({ timeout: 15_000 });
    const empty = page.locator('#broadsheet-reader-host .bs-empty');
    if ((await empty.count()) > 0) {
      const errors =
        consoleErrors.length > 0 ? `; page console errors:\n${consoleErrors.join('\n')}` : '';
      throw new Error(
        `the reader opened but found no article ("${await empty.innerText()}")${errors}`,
      );
    }
    // Let the opening animation and the web fonts finish before the screenshot.
    await page.evaluate(async () => {
      const root = document.getElementById('broadsheet-reader-host')?.shadowRoot;
      const animations = [...document.getAnimations(), ...(root?.getAnimations() ?? [])];
      await Promise.all(animations.map((animation) => animation.finished.catch(() => undefined)));
      await document.fonts.ready;
    });
    mkdirSync(dirname(screenshotFile), { recursive: true });
    await page.screenshot({ path: screenshotFile });
    console.log(`Broadsheet reader opened on ${url}`);
    console.log(`Screenshot: ${relative(process.cwd(), screenshotFile) || screenshotFile}`);
    if (headed) {
      console.log('Close the browser window (or press Ctrl+C) to finish.');
      const closed = new Promise((resolve) => context.on('close', resolve));
      process.once('SIGINT', () => void context.close());
      await closed;
    }
  } finally {
    await context?.close().catch(() => undefined);
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
