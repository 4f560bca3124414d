// What "the page is untouched" means in the tests: the same DOM serialisation, the same scroll position and
// focus on the same element. Read from the page's main world.
import type { TestPage } from './reader-browser';

export interface PageState {
  readonly html: string;
  readonly scrollX: number;
  readonly scrollY: number;
  /** A CSS path to document.activeElement (e.g. `html > body:nth-child(2) > a:nth-child(3)`). */
  readonly focusPath: string;
}

export function capturePageState(page: TestPage): Promise<PageState> {
  return page.evaluate(() => {
    const pathTo = (element: Element | null): string => {
      const parts: string[] = [];
      for (let node = element; node !== null; node = node.parentElement) {
        const index = node.parentElement
          ? Array.from(node.parentElement.children).indexOf(node) + 1
          : 1;
        parts.unshift(`${node.localName}:nth-child(${index})`);
      }
      return parts.join(' > ');
    };
    return {
      html: document.documentElement.outerHTML,
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      focusPath: pathTo(document.activeElement),
    };
  }, undefined);
}

/**
 * Focuses the first element matching `selector` without scrolling, then scrolls the page half way down.
 * Returns the scroll offset reached (the fixture must be tall enough to scroll).
 */
export async function focusAndScroll(page: TestPage, selector: string): Promise<number> {
  return page.evaluate((target: string) => {
    const element = document.querySelector<HTMLElement>(target);
    if (!element) throw new Error(`No element ${target} to focus`);
    element.focus({ preventScroll: true });
    if (document.activeElement !== element) throw new Error(`${target} did not take focus`);
    const max = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, Math.floor(max / 2));
    return window.scrollY;
  }, selector);
}

/** Typographic computed styles of a page element, to check the overlay's CSS does not reach the page. */
export function pageElementStyles(
  page: TestPage,
  selector: string,
): Promise<Record<string, string>> {
  return page.evaluate((target: string) => {
    const element = document.querySelector(target);
    if (!element) throw new Error(`No element ${target} in the page`);
    const style = getComputedStyle(element);
    const names = [
      'color',
      'background-color',
      'font-family',
      'font-size',
      'font-weight',
      'font-style',
      'line-height',
      'letter-spacing',
      'text-align',
      'text-transform',
      'display',
      'visibility',
      'margin-top',
      'margin-bottom',
      'padding-top',
      'border-top-width',
    ];
    return Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
  }, selector);
}
