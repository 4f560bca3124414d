// Open Graph and article meta tags: what the publisher tells social networks the page is.
import { signal, type Signal } from './signal';

/** Pages rarely have more than a few dozen meta tags; never read more than this. */
const MAX_META_TAGS = 300;

/**
 * og:type and article:published_time in one pass over the <meta> elements. Sites use both property=
 * (the Open Graph spec) and name= (common in practice), in any case. A plain walk is far cheaper than
 * case-insensitive attribute selectors.
 */
function readMeta(document: Document): { ogType?: string; published: boolean } {
  const metas = document.getElementsByTagName('meta');
  const limit = Math.min(metas.length, MAX_META_TAGS);
  let ogType: string | undefined;
  let published = false;
  for (let i = 0; i < limit; i++) {
    const meta = metas[i];
    if (meta === undefined) continue;
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? '').toLowerCase();
    if (key !== 'og:type' && key !== 'article:published_time') continue;
    const content = meta.getAttribute('content')?.trim() ?? '';
    if (content === '') continue;
    if (key === 'og:type') ogType ??= content.toLowerCase();
    else published = true;
  }
  return { ogType, published };
}

export function metaSignals(document: Document): Signal[] {
  const signals: Signal[] = [];
  const { ogType, published } = readMeta(document);
  if (ogType === 'article') signals.push(signal('og:type=article', 2));
  else if (ogType === 'website' || ogType === 'profile')
    signals.push(signal(`og:type=${ogType}`, -2));
  else if (ogType?.startsWith('video')) signals.push(signal(`og:type=${ogType}`, -2));
  if (published) signals.push(signal('article:published_time', 1));
  return signals;
}

/** The least and most these signals can add up to (see scoring.ts). */
export const META_RANGE = { min: -2, max: 3 } as const;
