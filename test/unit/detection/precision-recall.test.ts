// The targets from issue 4 over every labelled page (datasets + our fixtures): logic only, no timing
// (the costs are measured by `npm run bench:detect`).
import { detectArticle } from '../../../src/detection';
import { loadLabelledPages, parsePage } from './support/labelled-pages';

// Parsing ~360 real pages with jsdom takes a while on a shared machine.
jest.setTimeout(15 * 60 * 1000);

describe('detector quality over all labelled pages', () => {
  it('reaches precision >= 0.98 and recall >= 0.90', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const wrongly: string[] = [];
    const pages = loadLabelledPages();
    expect(pages.length).toBeGreaterThan(350);
    for (const page of pages) {
      const dom = parsePage(page.html, page.url);
      const { article } = detectArticle(dom.window.document, { url: page.url });
      dom.window.close();
      if (article && page.article) tp++;
      else if (article) {
        fp++;
        wrongly.push(`${page.source}/${page.id}`);
      } else if (page.article) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    expect({ precision: precision >= 0.98, recall: recall >= 0.9, wrongly }).toEqual({
      precision: true,
      recall: true,
      wrongly: expect.any(Array),
    });
    // An overlay popping up on a home page is the worst failure: none of our non-article fixtures may pass.
    expect(wrongly.filter((id) => id.startsWith('fixtures/'))).toEqual([]);
  });
});
