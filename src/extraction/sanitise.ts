// The last step before article HTML may touch a page: DOMPurify with a strict configuration.
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { absoluteUrlAttribute } from './absolute-urls';

/** Elements that never belong in a reader view: active content, forms, frames, page styling. */
const FORBID_TAGS = [
  'style', 'link', 'meta', 'base', 'script', 'noscript', 'template', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'option', 'textarea', 'svg', 'dialog',
  // MathML's <mglyph src> loads an image (Firefox) outside the img/srcset checks.
  'mglyph',
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
  // An element is sanitised where it is (see sanitiseToElement); strings still parse into a fragment.
  IN_PLACE: true,
};

/** A srcset candidate's URL the browser may fetch as an image: the web, inline images, or relative. */
function isSafeCandidateUrl(url: string): boolean {
  // Browsers skip ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const squashed = url.replace(/[\u0000-\u0020]/g, '');
  if (!/^[a-z][a-z0-9+.-]*:/i.test(squashed)) return true;
  return /^(https?:|data:image\/(png|gif|jpe?g|webp|avif)[;,])/i.test(squashed);
}

/**
 * DOMPurify checks only the start of a srcset ("a.jpg 1x, javascript:... 2x" passes): keep the
 * candidates whose URL is safe, drop the rest.
 */
function safeSrcset(value: string): string {
  return value
    .split(/,\s+(?=\S)/)
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate !== '' && isSafeCandidateUrl(candidate.split(/\s+/)[0] ?? ''))
    .join(', ');
}

const purifiers = new WeakMap<object, Purifier>();
/**
 * The page address relative URLs resolve against during the current sanitize call (hooks are set up
 * once per purifier, so the call's base travels here; sanitize is synchronous, so calls never overlap).
 */
let currentBaseUrl: string | undefined;
/** The current call's time-budget check, called once per element (it may throw to stop the call). */
let currentTick: (() => void) | undefined;

function purifierFor(window: Window): Purifier {
  let purifier = purifiers.get(window);
  if (!purifier) {
    purifier = DOMPurify(window as unknown as Parameters<typeof DOMPurify>[0]);
    if (!purifier.isSupported) {
      throw new Error(
        'extract: this DOM cannot run DOMPurify; pass options.window (e.g. a jsdom window)',
      );
    }
    // Parsed once here: a config passed to each sanitize call is copied into fresh allow-lists each time.
    purifier.setConfig(CONFIG);
    purifier.addHook('uponSanitizeElement', () => currentTick?.());
    // DOMPurify visits every attribute anyway: relative addresses become absolute here (before its
    // URL checks see them) instead of in a walk of their own.
    purifier.addHook('uponSanitizeAttribute', (_node, data) => {
      if (currentBaseUrl !== undefined) {
        const resolved = absoluteUrlAttribute(data.attrName, data.attrValue, currentBaseUrl);
        if (resolved !== undefined) data.attrValue = resolved;
      }
      if (data.attrName !== 'srcset') return;
      data.attrValue = safeSrcset(data.attrValue);
      if (data.attrValue === '') data.keepAttr = false;
    });
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

/**
 * Sanitises article HTML into a detached <div> of an inert document (DOMPurify's own: nothing loads or
 * runs there), or an element's content in place, in the element's own document: the extraction's
 * private copy of the page, a document without a window, where the article already lives unsanitised
 * while Readability works on it. In place saves DOMPurify a new document and a copy of the article per
 * call, and checks the same nodes the same way. Never in `window`'s live document: in a Chromium content
 * script, an on* attribute parsed in the isolated world keeps its handler after DOMPurify removes the
 * attribute, and an element adopted into the live page then runs it there (an <img onerror> fires when
 * its image fails); the result leaves extraction as HTML text, never as these nodes. With `baseUrl`,
 * relative URLs become absolute; `tick` is called once per element (a time budget's check, which may
 * throw).
 */
export function sanitiseToElement(
  dirty: string | Element,
  window: Window,
  baseUrl?: string,
  tick?: () => void,
): Element {
  if (typeof dirty !== 'string' && dirty.ownerDocument === window.document) {
    throw new Error('sanitiseToElement: refusing to sanitise in the live document');
  }
  currentBaseUrl = baseUrl;
  currentTick = tick;
  try {
    const purifier = purifierFor(window);
    // An element comes back as itself (IN_PLACE); a string as a fragment of DOMPurify's inert document.
    if (typeof dirty !== 'string') return purifier.sanitize(dirty) as unknown as Element;
    const fragment = purifier.sanitize(dirty) as unknown as DocumentFragment;
    const container = fragment.ownerDocument.createElement('div');
    container.append(fragment);
    return container;
  } finally {
    currentBaseUrl = undefined;
    currentTick = undefined;
  }
}
