// The content script's controller on real pages: toggling, failures shown as "no article", documents it
// refuses, and the performance marks the speed benchmark reads.
import { JSDOM } from 'jsdom';
import {
  ReaderController,
  unsupportedDocument,
  type ReaderDeps,
} from '../../../src/content/reader-controller';
import { extract } from '../../../src/extraction';
import { hostId } from '../../../src/overlay';
import { englishMessages, pageSnapshot, readabilityPage } from './dom';

function controllerFor(dom: JSDOM, overrides: Partial<ReaderDeps> = {}) {
  const deps: ReaderDeps = {
    document: dom.window.document,
    extract: (doc, url) => extract(doc, { url, window: dom.window as unknown as Window }),
    t: englishMessages(),
    ui: { lang: 'en', dir: 'ltr' },
    notifyClosed: jest.fn(),
    reportError: jest.fn(),
    ...overrides,
  };
  return { controller: new ReaderController(deps), deps };
}

const shadow = (dom: JSDOM) => dom.window.document.getElementById(hostId)?.shadowRoot ?? null;

describe('toggling the reader in a page', () => {
  it('opens on a real article and closes on the second toggle, leaving the page as it was', async () => {
    const dom = readabilityPage('001');
    const before = pageSnapshot(dom);
    const { controller } = controllerFor(dom);
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(shadow(dom)?.querySelector('h1.bs-title')?.textContent).toContain(
      'Get your Frontend JavaScript Code Covered',
    );
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: false });
    expect(shadow(dom)).toBeNull();
    expect(pageSnapshot(dom)).toEqual(before);
    dom.window.close();
  });

  it('shows "no article" when extraction throws, and reports the error', async () => {
    const dom = readabilityPage('001');
    const failure = new Error('rules file is corrupt');
    const { controller, deps } = controllerFor(dom, {
      extract: () => {
        throw failure;
      },
    });
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(shadow(dom)?.querySelector('.bs-empty')?.textContent).toBe(
      "Broadsheet couldn't find an article on this page.",
    );
    expect(deps.reportError).toHaveBeenCalledWith(failure);
    dom.window.close();
  });

  it('falls back to the "no article" state when the article cannot be shown', async () => {
    const dom = readabilityPage('001');
    const english = englishMessages();
    const { controller, deps } = controllerFor(dom, {
      t: (key, substitutions) => {
        if (key === 'readingTime') throw new Error('locale file is broken');
        return english(key, substitutions);
      },
    });
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    expect(shadow(dom)?.querySelector('.bs-empty')).not.toBeNull();
    expect(dom.window.document.querySelectorAll('#broadsheet-reader-host')).toHaveLength(1);
    expect(deps.reportError).toHaveBeenCalledWith(new Error('locale file is broken'));
    controller.close();
    dom.window.close();
  });

  it('shows "no article" when there is none', async () => {
    const dom = readabilityPage('001');
    const { controller } = controllerFor(dom, { extract: () => null });
    await controller.toggle();
    expect(shadow(dom)?.querySelector('.bs-empty')).not.toBeNull();
    dom.window.close();
  });

  it('tells the background when the user closes it with Escape, and opens again later', async () => {
    const dom = readabilityPage('001');
    const { controller, deps } = controllerFor(dom);
    await controller.toggle();
    const dialog = shadow(dom)?.querySelector('[role="dialog"]');
    dialog?.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(deps.notifyClosed).toHaveBeenCalledTimes(1);
    expect(controller.isOpen).toBe(false);
    await expect(controller.toggle()).resolves.toEqual({ type: 'broadsheet:toggled', open: true });
    controller.close();
    dom.window.close();
  });

  it('keeps the theme the user picked for the next opening in the same page', async () => {
    const dom = readabilityPage('001');
    const { controller } = controllerFor(dom);
    await controller.toggle();
    shadow(dom)?.querySelector<HTMLButtonElement>('.bs-theme-switch [data-theme="dark"]')?.click();
    await controller.toggle();
    await controller.toggle();
    expect(shadow(dom)?.querySelector<HTMLElement>('[role="dialog"]')?.dataset.theme).toBe('dark');
    dom.window.close();
  });

  it('marks toggle, extracted and painted for the speed benchmark', async () => {
    const dom = readabilityPage('001');
    const marks: string[] = [];
    Object.defineProperty(dom.window.performance, 'mark', {
      configurable: true,
      value: (name: string) => {
        marks.push(name);
      },
    });
    const { controller } = controllerFor(dom);
    const opening = controller.toggle();
    expect(marks).toEqual(['broadsheet:toggle', 'broadsheet:extracted']);
    await opening;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(marks).toEqual(['broadsheet:toggle', 'broadsheet:extracted', 'broadsheet:painted']);
    controller.close();
    dom.window.close();
  });
});

describe('documents the reader refuses', () => {
  it('answers "pdf" for a PDF document', async () => {
    const pdf = { contentType: 'application/pdf' } as Document;
    expect(unsupportedDocument(pdf)).toBe('pdf');
  });

  it('answers "failed" for an XML document with no HTML root, and does not touch it', async () => {
    const svg = new JSDOM('<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>', {
      contentType: 'image/svg+xml',
    });
    const { controller } = controllerFor(svg);
    await expect(controller.toggle()).resolves.toEqual({
      type: 'broadsheet:unsupported',
      reason: 'failed',
    });
    expect(svg.window.document.documentElement.childElementCount).toBe(1);
  });

  it('accepts ordinary HTML pages', async () => {
    expect(unsupportedDocument(new JSDOM('<p>Hi</p>').window.document)).toBeNull();
  });
});
