// Pages too big to commit, generated at test time (shared by the unit and e2e robustness tests).

const paragraph =
  'The harbour board met on Tuesday to discuss the dredging of the inner channel, which has silted up ' +
  'faster than expected since the new breakwater changed the currents along the east quay. Skippers say ' +
  'that at low water the larger boats now touch bottom near the fuel berth.';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** An article followed by page furniture until the document is about `bytes` long (e.g. 10 MB). */
export function hugePage(bytes: number): string {
  const article = `<article><h1>Harbour board to dredge the inner channel</h1>${`<p>${paragraph}</p>`.repeat(8)}</article>`;
  const block = `<div class="teaser"><a href="/news/item">Another story from the archive</a><p>${paragraph}</p></div>`;
  const count = Math.max(0, Math.ceil((bytes - article.length) / block.length));
  return page('Harbour board to dredge the inner channel', article + block.repeat(count));
}

/** An article whose paragraphs sit at the bottom of `depth` nested <div>s. */
export function deepPage(depth: number): string {
  const text = `<h1>Harbour board to dredge the inner channel</h1>${`<p>${paragraph}</p>`.repeat(8)}`;
  return page(
    'Harbour board to dredge the inner channel',
    '<div>'.repeat(depth) + text + '</div>'.repeat(depth),
  );
}

/** An article among about `nodes` elements and text nodes (a long list of short items). */
export function manyNodesPage(nodes: number): string {
  const article = `<article><h1>Harbour board to dredge the inner channel</h1>${`<p>${paragraph}</p>`.repeat(8)}</article>`;
  // Each <li><a>item</a></li> is three nodes.
  const items = Math.ceil(nodes / 3);
  const list = `<ul>${'<li><a href="/x">item</a></li>'.repeat(items)}</ul>`;
  return page('Harbour board to dredge the inner channel', article + list);
}

export const generatedTitle = 'Harbour board to dredge the inner channel';
export const generatedText = 'Skippers say that at low water the larger boats now touch bottom';
