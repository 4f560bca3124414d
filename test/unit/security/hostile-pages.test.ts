// The hostile corpus (test/fixtures/hostile/*.html) through extract(): the reader still opens on each page,
// and its HTML carries none of the page's active content. The output is then loaded into a fresh jsdom that
// RUNS scripts, every element gets the events a handler could listen to, and the canary must stay unset.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../src/extraction';
import type { ExtractedArticle } from '../../../src/extraction';
import { sanitiseToElement } from '../../../src/extraction/sanitise';

const hostileDir = join(__dirname, '..', '..', 'fixtures', 'hostile');
const pages = readdirSync(hostileDir)
  .filter((file) => file.endsWith('.html'))
  .sort();

const title = 'Porthcarn sea wall to be rebuilt after storms undermine foundations';
const firstWords = 'The sea wall that has protected Porthcarn harbour since 1887';
const lastWords = 'Our job is to make sure it does not get the last word.';

/** Elements that must never reach the reader: active content, page styling, frames, forms, metadata. */
const forbiddenElements = [
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'meta', 'base', 'style', 'link',
  'form', 'input', 'button', 'template', 'noscript', 'svg', 'foreignobject', 'animate', 'set', 'use',
  'param', 'maction',
]; // prettier-ignore

/** Attributes that may hold a URL the browser fetches or navigates to. */
const urlAttributes = [
  'href', 'src', 'srcset', 'poster', 'action', 'formaction', 'data', 'cite', 'background', 'xlink:href',
  'codebase', 'ping', 'lowsrc', 'dynsrc',
]; // prettier-ignore

/** A URL that runs code or shows an attacker's document; images may be inline data:image/png etc. */
function isDangerousUrl(name: string, value: string, element: Element): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const squashed = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  if (/(^|,)(javascript|vbscript|livescript):/.test(squashed)) return true;
  if (!squashed.includes('data:')) return false;
  const linkLike = element.localName === 'a' || element.localName === 'area' || name === 'action';
  return linkLike || !/^data:image\/(png|gif|jpe?g|webp|avif);/.test(squashed);
}

/** What is wrong with the reader's HTML, as readable strings (empty when it is safe). */
function problemsIn(html: string): string[] {
  const { document } = new JSDOM('').window;
  const container = document.createElement('div');
  container.innerHTML = html;
  const problems: string[] = [];
  for (const element of Array.from(container.querySelectorAll('*'))) {
    const tag = element.localName.toLowerCase();
    if (forbiddenElements.includes(tag)) problems.push(`<${tag}> element`);
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on')) problems.push(`${lower}= on <${tag}>`);
      if (['style', 'srcdoc', 'ping', 'formaction', 'action', 'background'].includes(lower))
        problems.push(`${lower}= on <${tag}>`);
      if (urlAttributes.includes(lower) && isDangerousUrl(lower, value, element))
        problems.push(`${lower}="${value.slice(0, 60)}" on <${tag}>`);
      // DOM clobbering: an id or name that shadows a property of document or of a form.
      if ((lower === 'id' || lower === 'name') && (value in document || value in container))
        problems.push(`${lower}="${value}" clobbers a DOM property`);
    }
    if (tag === 'a' && element.hasAttribute('href')) {
      const rel = (element.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer'))
        problems.push(`link without rel="noopener noreferrer": ${element.outerHTML.slice(0, 80)}`);
    }
  }
  if (/beacon/i.test(html)) problems.push('a beacon address is still in the HTML');
  if (/url\s*\(/i.test(html)) problems.push('a CSS url() is still in the HTML');
  if (/expression\s*\(/i.test(html)) problems.push('a CSS expression() is still in the HTML');
  return problems;
}

/** Events that inline handlers in the corpus listen to; dispatched on every element of the output. */
const triggerEvents = [
  'load', 'error', 'mouseover', 'mouseenter', 'focus', 'toggle', 'click', 'pageshow', 'begin', 'end',
]; // prettier-ignore

/** Loads the reader's HTML into a jsdom that runs scripts, fires events at it and reads the canary. */
function canaryAfterRunning(html: string): unknown {
  const dom = new JSDOM(`<!doctype html><html><body><div id="reader">${html}</div></body></html>`, {
    runScripts: 'dangerously',
    url: 'http://127.0.0.1:8080/reader',
    virtualConsole: new VirtualConsole(),
  });
  const { window } = dom;
  for (const element of Array.from(window.document.querySelectorAll('#reader *'))) {
    for (const type of triggerEvents) element.dispatchEvent(new window.Event(type));
    (element as HTMLElement).focus?.();
  }
  const canary = (window as unknown as { __pwned?: unknown }).__pwned;
  window.close();
  return canary;
}

const scriptingModes = [
  // Scripting off: how Node tools parse (noscript content is markup).
  ['scripting off', undefined],
  // Scripting on: how a browser parses (noscript content is raw text). The page's own scripts run in this
  // input window; that is the page being the page, not the reader.
  ['scripting on', 'dangerously'],
] as const;

function loadHostile(file: string, runScripts: 'dangerously' | undefined) {
  const url = `http://127.0.0.1:8080/hostile/${file}`;
  const dom = new JSDOM(readFileSync(join(hostileDir, file), 'utf8'), {
    url,
    runScripts,
    virtualConsole: new VirtualConsole(),
  });
  return { dom, url };
}

describe('the hostile corpus', () => {
  it('has a page for every attack family the issue lists', () => {
    expect(pages.length).toBeGreaterThanOrEqual(25);
  });
});

describe.each(scriptingModes)('extract() on hostile pages, %s', (_mode, runScripts) => {
  // The page that replaces built-ins in its own world is only meaningful in a browser (isolated worlds):
  // in jsdom the page and the extractor would share that world.
  const files = pages.filter(
    (file) => runScripts === undefined || file !== 'builtins-overwritten.html',
  );
  const results = new Map<string, ExtractedArticle | null>();
  const extracted = (file: string): ExtractedArticle | null => {
    if (!results.has(file)) {
      const { dom, url } = loadHostile(file, runScripts);
      results.set(file, extract(dom.window.document, { url, onRuleProblem: () => undefined }));
      dom.window.close();
    }
    return results.get(file) ?? null;
  };

  it.each(files)('%s: the reader opens on the article', (file) => {
    const article = extracted(file);
    expect(article?.title).toBe(title);
    expect(article?.text).toContain(firstWords);
    expect(article?.text).toContain(lastWords);
  });

  it.each(files)('%s: the HTML carries no active content', (file) => {
    expect(problemsIn(extracted(file)?.html ?? '')).toEqual([]);
  });

  it.each(files)('%s: nothing runs when the HTML is loaded and poked', (file) => {
    expect(canaryAfterRunning(extracted(file)?.html ?? '')).toBeUndefined();
  });
});

describe('the checks themselves catch what they look for', () => {
  it.each([
    ['<script>1</script>', '<script> element'],
    ['<img src="/a.png" onerror="x()">', 'onerror= on <img>'],
    ['<a href=" java\tscript:x()" rel="noopener noreferrer">a</a>', 'href='],
    ['<a href="data:text/html,x" rel="noopener noreferrer">a</a>', 'href="data:'],
    ['<a href="/x">a</a>', 'link without rel'],
    ['<p style="color:red">x</p>', 'style= on <p>'],
    ['<img src="/beacon/x.gif">', 'beacon'],
    ['<img name="documentElement">', 'clobbers'],
    ['<img src="data:text/html,x">', 'src="data:'],
  ])('%s', (html, problem) => {
    expect(problemsIn(html).join('\n')).toContain(problem);
  });

  it('keeps inline images and safe links', () => {
    expect(
      problemsIn(
        '<img src="data:image/png;base64,AAAA"><a href="https://example.com/" rel="noopener noreferrer">x</a>',
      ),
    ).toEqual([]);
  });

  it('the canary fires for handlers and scripts that survive', () => {
    expect(canaryAfterRunning('<img src="x" onerror="top.__pwned=1">')).toBe(1);
    expect(canaryAfterRunning('<details ontoggle="top.__pwned=2"></details>')).toBe(2);
    expect(canaryAfterRunning('<script>top.__pwned=3</script>')).toBe(3);
  });
});

describe('sanitiseToElement', () => {
  it("returns a container outside the caller's live document (nothing in it may load or run there)", () => {
    const { window } = new JSDOM('<!doctype html><body></body>');
    const container = sanitiseToElement(
      '<p>Text <img src="/a.png" onerror="top.__pwned=1"></p>',
      window as unknown as Window,
    );
    expect(container.ownerDocument).not.toBe(window.document);
    expect(container.ownerDocument.defaultView).toBeNull();
    expect(container.innerHTML).toBe('<p>Text <img src="/a.png"></p>');
  });

  it("sanitises an element of a copy in place, and refuses one of the caller's live document", () => {
    const { window } = new JSDOM(
      '<!doctype html><body><div><p onclick="top.__pwned=1">Text <img src="/a.png" onerror="top.__pwned=2"><script>top.__pwned=3</script></p></div></body>',
    );
    const live = window.document.querySelector('div') as Element;
    expect(() => sanitiseToElement(live, window as unknown as Window)).toThrow(/live document/);
    expect(live.innerHTML).toContain('onerror');
    const copy = window.document.cloneNode(true) as Document;
    const element = copy.querySelector('div') as Element;
    const container = sanitiseToElement(element, window as unknown as Window);
    expect(container).toBe(element);
    expect(container.innerHTML).toBe('<p>Text <img src="/a.png"></p>');
  });
});
