// Relative addresses made absolute against the page URL, so links and images work outside the page.

const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite']);
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

/**
 * The absolute form of a URL-holding attribute's value (href, src, poster, cite, srcset), or undefined
 * for other attributes.
 */
export function absoluteUrlAttribute(
  name: string,
  value: string,
  base: string,
): string | undefined {
  if (name === 'srcset') return absoluteSrcset(value, base);
  return URL_ATTRIBUTES.has(name) ? absolute(value, base) : undefined;
}
