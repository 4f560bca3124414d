// Caption dedupe on a real page: The Verge puts its <figcaption> beside the <figure> (in a sibling <div>),
// and Readability turns that wrapper <div> into a <p>. That paragraph holds the caption itself: it is not
// a copy to remove, so the caption must come through exactly once.
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../src/extraction';
import { DUPLICATE_CAPTION_RULE } from '../../../src/extraction/captions';
import { loadDataset } from '../../bench/lib/datasets';

const CAPTION =
  'I wasn’t allowed to record or capture footage of my Vision Pro demo, so this photo from Apple will have to do.';

describe('caption dedupe on The Verge (readability-test-pages/theverge)', () => {
  it('keeps a caption that sits beside its figure, once', () => {
    const page = loadDataset('readability-test-pages').find((p) => p.id === 'theverge')!;
    const { document } = new JSDOM(page.html, {
      url: page.url,
      virtualConsole: new VirtualConsole(),
    }).window;
    const article = extract(document, { url: page.url });
    expect(article).not.toBeNull();
    expect(article!.text.split(CAPTION)).toHaveLength(2);
    expect(article!.removed.filter((r) => r.ruleId === DUPLICATE_CAPTION_RULE)).toEqual([]);
    // The neighbouring article paragraphs are there too.
    expect(article!.text).toContain('I handed my glasses to an optometrist');
    expect(article!.text).toContain('the most memorable experience of my roughly 30-minute');
  });
});
