// Shared helpers for the overlay's unit tests: a real article page in jsdom, the overlay mounted on it with
// an in-memory sync area, and a way to wait for the debounced save.
import type { JSDOM } from 'jsdom';
import { extract, type ExtractedArticle } from '../../../src/extraction';
import {
  hostId,
  mountOverlay,
  panelContent,
  storeSource,
  type Overlay,
  type OverlayOptions,
} from '../../../src/overlay';
import { readerCss } from '../../../src/overlay/styles';
import type { SettingsStore } from '../../../src/shared/settings';
import { englishMessages, fixturePage } from '../extension/dom';
import { FakeStorageArea } from '../settings/fake-storage-area';

export const t = englishMessages();
export const ui = { lang: 'en', dir: 'ltr' } as const;

export function extractFrom(dom: JSDOM): ExtractedArticle {
  const { window } = dom;
  const article = extract(window.document, {
    url: window.location.href,
    window: window as unknown as Window,
  });
  if (!article) throw new Error(`no article extracted from ${window.location.href}`);
  return article;
}

export function storeFor(area: FakeStorageArea): SettingsStore {
  return { area, areaName: area.areaName, onChanged: area.onChanged };
}

export interface Reader {
  dom: JSDOM;
  area: FakeStorageArea;
  overlay: Overlay;
  shadow: ShadowRoot;
  dialog: HTMLElement;
  $<T extends Element = HTMLElement>(selector: string): T;
}

export function openReader(
  options: { area?: FakeStorageArea; page?: string; overrides?: Partial<OverlayOptions> } = {},
): Reader {
  const dom = fixturePage(options.page ?? 'plain-article');
  const area = options.area ?? new FakeStorageArea();
  const overlay = mountOverlay({
    document: dom.window.document,
    article: extractFrom(dom),
    pageUrl: dom.window.location.href,
    // In the extension the background sends it (src/background/reader-assets.ts).
    readerCss,
    t,
    ui,
    settingsSource: storeSource(storeFor(area)),
    tools: panelContent,
    ...options.overrides,
  });
  const shadow = dom.window.document.getElementById(hostId)?.shadowRoot;
  if (!shadow) throw new Error('overlay is not open');
  const dialog = shadow.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) throw new Error('no dialog');
  return {
    dom,
    area,
    overlay,
    shadow,
    dialog,
    $<T extends Element = HTMLElement>(selector: string): T {
      const found = shadow.querySelector<T>(selector);
      if (!found) throw new Error(`nothing matches ${selector}`);
      return found;
    },
  };
}

/**
 * The reader opened on the plain-article fixture before each test (of the file, or of the describe block
 * this is called in), once its stored settings have loaded, and closed after it. The returned object is
 * the same across tests; its fields are the current test's reader.
 */
export function useOpenReader(): Reader {
  const current = {} as Reader;
  beforeEach(async () => {
    Object.assign(current, openReader());
    await waitFor(() => current.dialog.dataset.settings === undefined, 'stored settings');
  });
  afterEach(() => {
    current.overlay.close();
    current.dom.window.close();
  });
  return current;
}

export async function waitFor(condition: () => boolean, what: string, ms = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function press(reader: Reader, target: Element, key: string, init: KeyboardEventInit = {}) {
  const event = new reader.dom.window.KeyboardEvent('keydown', {
    key,
    bubbles: true,
    composed: true,
    cancelable: true,
    ...init,
  });
  target.dispatchEvent(event);
  return event;
}
