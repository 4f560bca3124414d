// The last step before article HTML may touch a page: DOMPurify with a strict configuration.
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/** Elements that never belong in a reader view: active content, forms, frames, page styling. */
const FORBID_TAGS = [
  'style', 'link', 'meta', 'base', 'script', 'noscript', 'template', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'option', 'textarea', 'svg', 'dialog',
]; // prettier-ignore
const FORBID_ATTR = ['style', 'class', 'srcdoc', 'action', 'formaction', 'background', 'ping'];

const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  // data: URLs stay allowed only where DOMPurify deems them safe (images and media), never in links.
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Removed elements keep their text, except controls whose text is labels and options, not prose.
  ADD_FORBID_CONTENTS: ['select', 'option', 'button', 'textarea', 'dialog'],
  RETURN_DOM_FRAGMENT: true,
};

const purifiers = new WeakMap<object, Purifier>();

function purifierFor(window: Window): Purifier {
  let purifier = purifiers.get(window);
  if (!purifier) {
    purifier = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);
    if (!purifier.isSupported) {
      throw new Error(
        'extract: this DOM cannot run DOMPurify; pass options.window (e.g. a jsdom window)',
      );
    }
    // Links open outside the reader, without giving the target page a handle on this one.
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'A' && (node as Element).hasAttribute('href')) {
        (node as Element).setAttribute('target', '_blank');
        (node as Element).setAttribute('rel', 'noopener noreferrer');
      }
    });
    purifiers.set(window, purifier);
  }
  return purifier;
}

/** Sanitises article HTML into a detached <div> of `window`'s document. */
export function sanitiseToElement(html: string, window: Window): HTMLDivElement {
  const fragment = purifierFor(window).sanitize(html, CONFIG) as unknown as DocumentFragment;
  const container = window.document.createElement('div');
  container.append(fragment);
  return container;
}
