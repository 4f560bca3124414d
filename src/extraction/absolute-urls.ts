// Relative addresses made absolute against the page URL, so links and images work outside the page.

const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'];
const LEAVE_ALONE = /^(#|data:|mailto:|tel:|javascript:|about:|blob:)/i;

function absolute(value: string, base: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || LEAVE_ALONE.test(trimmed)) return value;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return value;
  }
}

/** Resolves each candidate of a srcset ("a.jpg 1x, b.jpg 2x"). */
function absoluteSrcset(value: string, base: string): string {
  return value
    .split(/,\s+(?=\S)/)
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [absolute(url, base), ...descriptors].join(' ');
    })
    .join(', ');
}

export function makeUrlsAbsolute(root: Element, base: string): void {
  for (const name of URL_ATTRIBUTES) {
    for (const element of Array.from(root.querySelectorAll(`[${name}]`))) {
      element.setAttribute(name, absolute(element.getAttribute(name) ?? '', base));
    }
  }
  for (const element of Array.from(root.querySelectorAll('[srcset]'))) {
    element.setAttribute('srcset', absoluteSrcset(element.getAttribute('srcset') ?? '', base));
  }
}
