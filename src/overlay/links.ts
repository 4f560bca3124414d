// Links in the reader: other pages open in a new tab (the reader stays where it is); links to a place in
// the same article scroll the reader there, since the page's own anchors sit behind the overlay.

function samePageFragment(link: HTMLAnchorElement, pageUrl: string): string | null {
  let target: URL;
  let page: URL;
  try {
    target = new URL(link.href, pageUrl);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  if (!target.hash || target.hash === '#') return null;
  target.hash = '';
  page.hash = '';
  if (target.href !== page.href) return null;
  try {
    return decodeURIComponent(new URL(link.href, pageUrl).hash.slice(1));
  } catch {
    return null;
  }
}

/** Sets every link's target; returns the click handler for in-article fragment links. */
export function prepareLinks(
  container: HTMLElement,
  root: ShadowRoot,
  pageUrl: string,
): (event: MouseEvent) => void {
  for (const link of Array.from(container.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    if (samePageFragment(link, pageUrl) !== null) continue;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  return (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[href]');
    if (!link || !container.contains(link)) return;
    const id = samePageFragment(link, pageUrl);
    if (id === null) return;
    const destination =
      root.getElementById(id) ??
      Array.from(root.querySelectorAll('a[name]')).find(
        (anchor) => anchor.getAttribute('name') === id,
      );
    if (!destination) return;
    event.preventDefault();
    destination.scrollIntoView?.({ block: 'start' });
  };
}
