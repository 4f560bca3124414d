// Real pages in jsdom for the extension's unit tests: the Readability test corpus in ../shared/datasets and
// the e2e fixtures, loaded with their original URLs so links resolve as they would in the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { readabilityCorpusPage } from '../../support/readability-corpus';
import { repoRoot } from './locales';
// Events in these pages are the user's (trusted) unless a test plays a page script.
import './user-input';

export { englishMessages, repoRoot } from './locales';
export { asPageScript } from './user-input';

/** One page of Readability's own test corpus (a real saved page), by id, e.g. "bbc-1". */
export function readabilityPage(id: string): JSDOM {
  const { html, url } = readabilityCorpusPage(id);
  return new JSDOM(html, { url, pretendToBeVisual: true });
}

/** One of the e2e fixture pages (test/fixtures/e2e/<name>/source.html). */
export function fixturePage(name: string, url = `http://127.0.0.1/e2e/${name}/`): JSDOM {
  const html = readFileSync(join(repoRoot, 'test', 'fixtures', 'e2e', name, 'source.html'), 'utf8');
  return new JSDOM(html, { url, pretendToBeVisual: true });
}

/** A snapshot of everything closing the reader must restore. */
export function pageSnapshot(dom: JSDOM) {
  const { document } = dom.window;
  return {
    html: document.documentElement.outerHTML,
    htmlStyle: document.documentElement.getAttribute('style'),
    focused: document.activeElement,
    fonts: document.fonts ? Array.from(document.fonts).length : 0,
  };
}
