#!/usr/bin/env node
// A quick manual check of the built Chromium extension (not part of `npm test`; the e2e suite is the real
// test): serves a few pages on 127.0.0.1, clicks the toolbar action for real (CDP Extensions.triggerAction),
// checks the overlay opens and closes cleanly, and saves screenshots to test-results/smoke/ to look at.
// Usage: npm run build && node test/e2e/smoke/overlay-smoke.mjs [page ...]
/* global chrome -- code passed to worker.evaluate runs in the service worker, where chrome is the API */
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const outDir = join(root, 'test-results', 'smoke');
const fixture = (name) =>
  readFileSync(join(root, 'test/fixtures/e2e', name, 'source.html'), 'utf8');

/** A seed-like page: the 2014 Independent article's text with a photo and caption, inside site chrome. */
function seedPage() {
  const text = readFileSync(
    join(root, '..', 'shared/seed/independent-2014-iraq-article.txt'),
    'utf8',
  );
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim());
  const [title, standfirst] = paragraphs;
  const body = paragraphs
    .slice(3, 20)
    .filter((p) => p.length > 80)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`);
  body.splice(
    2,
    0,
    '<figure><img src="/photo.svg" width="1200" height="700" alt="Iraqi soldiers at a checkpoint">' +
      '<figcaption>Iraqi soldiers at a checkpoint west of Baghdad (Reuters)</figcaption></figure>',
  );
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title} | The Independent</title>
<meta property="og:site_name" content="The Independent"><meta name="author" content="Patrick Cockburn">
<meta property="article:published_time" content="2014-06-23T21:45:00+01:00"></head>
<body><header><a href="/">The Independent</a> <a href="/news">News</a></header>
<article><h1>${title}</h1><p class="standfirst">${standfirst}</p><p class="byline">Patrick Cockburn</p>
${body.join('\n')}</article><footer>© Independent</footer></body></html>`;
}

const photo = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="700" viewBox="0 0 1200 700">
<defs><linearGradient id="s" x2="0" y2="1"><stop offset="0" stop-color="#9fb7cf"/><stop offset="1" stop-color="#e8d9b8"/></linearGradient></defs>
<rect width="1200" height="700" fill="url(#s)"/><rect y="470" width="1200" height="230" fill="#b59a6a"/>
<circle cx="930" cy="170" r="70" fill="#f6e7b0"/></svg>`;

/** The smallest valid one-page PDF, to see what the button says in the PDF viewer. */
function tinyPdf() {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = body.length;
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return body;
}

const pages = {
  seed: () => seedPage(),
  plain: () => fixture('plain-article'),
  aggressive: () => fixture('aggressive-css'),
  rtl: () => fixture('rtl-article-ar'),
  none: () => fixture('no-article'),
  empty: () =>
    '<!doctype html><html lang="en"><title>Empty</title><p><a href="/">Home</a></p></html>',
};

const server = createServer((req, res) => {
  const name = (req.url ?? '/').split('?')[0].replace(/^\//, '').split('/')[0];
  const dataset = /^\/dataset\/([\w-]+)$/.exec(req.url ?? '');
  if (dataset) {
    // A page of Readability's test corpus, to look at richer markup (headings, lists, code, tables).
    const file = join(
      root,
      '..',
      'shared/datasets/readability-test-pages/pages',
      `${dataset[1]}.html.gz`,
    );
    try {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(gunzipSync(readFileSync(file)));
    } catch {
      res.writeHead(404).end('not found');
    }
  } else if (name === 'doc.pdf') {
    res.writeHead(200, { 'content-type': 'application/pdf' }).end(tinyPdf());
  } else if (name === 'photo.svg') {
    res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(photo);
  } else if (pages[name]) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[name]());
  } else {
    res.writeHead(404).end('not found');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const profile = mkdtempSync(join(tmpdir(), 'broadsheet-smoke-'));
// A private copy: other builds may rewrite build/chrome while this runs.
const extension = join(profile, 'extension');
cpSync(join(root, 'build', 'chrome'), extension, { recursive: true });
const context = await chromium.launchPersistentContext(join(profile, 'user-data'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--enable-unsafe-extension-debugging',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  worker.on('console', (m) => console.log(`  [background ${m.type()}] ${m.text()}`));
  const cdp = await context.browser().newBrowserCDPSession();
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => console.log(`  [page ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
  mkdirSync(outDir, { recursive: true });

  const clickAction = async () => {
    await page.bringToFront();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  };
  const badge = () =>
    worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return {
        text: await chrome.action.getBadgeText({ tabId: tab.id }),
        title: await chrome.action.getTitle({ tabId: tab.id }),
      };
    });

  const wanted = process.argv.slice(2);
  for (const name of wanted.length ? wanted : Object.keys(pages)) {
    const shot = name.replace(/\//g, '-');
    console.log(`# ${name}`);
    await page.goto(`${base}/${name}`);
    await page.evaluate(() => {
      document.documentElement.setAttribute('style', 'color: rgb(1, 2, 3)');
      window.scrollTo(0, 120);
      document.querySelector('a')?.focus();
    });
    const before = await page.evaluate(() => ({
      style: document.documentElement.getAttribute('style'),
      scroll: window.scrollY,
      focus: document.activeElement?.outerHTML.slice(0, 60),
      nodes: document.getElementsByTagName('*').length,
    }));
    await clickAction();
    const opened = await page
      .waitForSelector('#broadsheet-reader-host [role="dialog"]', { timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (!opened) {
      check(false, `${name}: the reader opened (button: ${JSON.stringify(await badge())})`);
      continue;
    }
    await page.waitForTimeout(400);
    const state = await page.evaluate(() => {
      const shadow = document.getElementById('broadsheet-reader-host').shadowRoot;
      const dialog = shadow.querySelector('[role="dialog"]');
      const p = shadow.querySelector('.bs-article p');
      let cpl = null;
      if (p) {
        const probe = document.createElement('span');
        probe.textContent = p.textContent.slice(0, 400);
        probe.style.whiteSpace = 'nowrap';
        p.append(probe);
        cpl = Math.round(
          (p.clientWidth / probe.getBoundingClientRect().width) * probe.textContent.length,
        );
        probe.remove();
      }
      return {
        theme: dialog.dataset.theme,
        lang: dialog.lang,
        dir: dialog.dir,
        title: shadow.querySelector('.bs-title, .bs-empty')?.textContent,
        meta: shadow.querySelector('.bs-meta')?.textContent,
        focusInside: shadow.activeElement !== null,
        font: p ? getComputedStyle(p).fontFamily.split(',')[0] : null,
        fontSize: p ? getComputedStyle(p).fontSize : null,
        lineHeight: p ? getComputedStyle(p).lineHeight : null,
        cpl,
        fontsLoaded: [...document.fonts]
          .filter((f) => f.status === 'loaded')
          .map((f) => `${f.family} ${f.weight} ${f.style}`),
        htmlOverflow: document.documentElement.style.overflow,
        sheets: shadow.adoptedStyleSheets.length,
        animation: p ? getComputedStyle(shadow.querySelector('.bs-page')).animationName : undefined,
      };
    });
    console.log('  ', JSON.stringify(state));
    console.log('  ', JSON.stringify(await badge()));
    if (state.animation !== undefined) {
      check(state.animation !== 'none', `${name}: opening animation (${state.animation})`);
    }
    check(state.focusInside, `${name}: focus moved into the dialog`);
    await page.screenshot({ path: join(outDir, `${shot}-open.png`) });
    if (name.startsWith('dataset/')) {
      await page.locator('#broadsheet-reader-host .bs-dialog').evaluate((d) => d.scrollTo(0, 1400));
      await page.screenshot({ path: join(outDir, `${shot}-further.png`) });
    }
    if (name === 'seed') {
      for (const theme of ['sepia', 'dark']) {
        await page
          .locator(`#broadsheet-reader-host .bs-theme-switch [data-theme="${theme}"]`)
          .click();
        await page.screenshot({ path: join(outDir, `${name}-${theme}.png`) });
      }
      await page.locator('#broadsheet-reader-host .bs-theme-switch [data-theme="auto"]').click();
      await page.locator('#broadsheet-reader-host .bs-dialog').evaluate((d) => d.scrollTo(0, 700));
      await page.screenshot({ path: join(outDir, `${name}-figure.png`) });
      await page.setViewportSize({ width: 420, height: 860 });
      await page.locator('#broadsheet-reader-host .bs-dialog').evaluate((d) => d.scrollTo(0, 0));
      await page.screenshot({ path: join(outDir, `${name}-narrow.png`) });
      await page.setViewportSize({ width: 340, height: 700 });
      await page.screenshot({ path: join(outDir, `${name}-340.png`) });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    // Tab cycles inside the dialog.
    for (let i = 0; i < 12; i += 1) await page.keyboard.press('Tab');
    const trapped = await page.evaluate(
      () => document.activeElement?.id === 'broadsheet-reader-host',
    );
    check(trapped, `${name}: focus stays in the dialog after 12 Tabs`);
    if (name === 'plain') {
      await clickAction(); // close with the toolbar button
    } else {
      await page.keyboard.press('Escape');
    }
    await page.waitForFunction(() => !document.getElementById('broadsheet-reader-host'));
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => ({
      style: document.documentElement.getAttribute('style'),
      scroll: window.scrollY,
      focus: document.activeElement?.outerHTML.slice(0, 60),
      nodes: document.getElementsByTagName('*').length,
    }));
    check(JSON.stringify(before) === JSON.stringify(after), `${name}: page restored exactly`);
    if (JSON.stringify(before) !== JSON.stringify(after)) console.log('   ', before, after);
    const closedBadge = await badge();
    check(
      closedBadge.text === '',
      `${name}: badge cleared after close (${JSON.stringify(closedBadge)})`,
    );
  }

  console.log('# restricted page');
  await page.goto('chrome://version/');
  await clickAction();
  await page.waitForTimeout(300);
  const blocked = await badge();
  console.log('  ', JSON.stringify(blocked));
  check(blocked.text === '!', 'chrome:// page shows the "!" badge');
  await page.goto(`${base}/plain`);
  await page.waitForTimeout(200);
  check((await badge()).text === '', 'badge cleared after navigating away');

  console.log('# dark system theme, reduced motion');
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto(`${base}/plain`);
  await clickAction();
  await page.waitForSelector('#broadsheet-reader-host [role="dialog"]');
  const darkTheme = await page
    .locator('#broadsheet-reader-host [role="dialog"]')
    .evaluate((d) => d.dataset.theme);
  check(darkTheme === 'dark', `auto theme follows a dark system setting (${darkTheme})`);
  const animations = await page
    .locator('#broadsheet-reader-host :is(.bs-page, .bs-empty-state)')
    .evaluate((p) => getComputedStyle(p).animationName);
  check(animations === 'none', `no opening animation with reduced motion (${animations})`);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await page.waitForTimeout(100);
  const lightTheme = await page
    .locator('#broadsheet-reader-host [role="dialog"]')
    .evaluate((d) => d.dataset.theme);
  check(lightTheme === 'light', `and switches back live (${lightTheme})`);
  await page.keyboard.press('Escape');

  // (No file:// check: Chromium grants file access to extensions loaded from the command line.)
  for (const [what, url] of [['PDF viewer', `${base}/doc.pdf`]]) {
    console.log(`# ${what}`);
    await page.goto(url).catch((error) => console.log(`  (navigation: ${error.message})`));
    await page.waitForTimeout(500);
    await clickAction();
    await page.waitForTimeout(500);
    const state = await badge();
    console.log('  ', JSON.stringify(state));
    check(state.text === '!', `${what}: the button explains itself`);
  }

  console.log('# options page');
  const options = await context.newPage();
  const errors = [];
  options.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForTimeout(300);
  console.log('  ', (await options.locator('main').innerText()).replace(/\n+/g, ' | '));
  await options.screenshot({ path: join(outDir, 'options.png') });
  const [shortcuts] = await Promise.all([
    context.waitForEvent('page', { timeout: 5000 }).catch(() => null),
    options.locator('#change-shortcut').click(),
  ]);
  await shortcuts?.waitForLoadState().catch(() => undefined);
  check(
    shortcuts?.url() === 'chrome://extensions/shortcuts',
    `"Change the shortcut" opens the browser's shortcut settings (${shortcuts?.url()})`,
  );
  check(errors.length === 0, `options page without console errors ${errors.join('; ')}`);
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failures.length ? `${failures.length} failed` : 'all ok');
process.exitCode = failures.length ? 1 : 0;
