// The quality gate: our pipeline (from source) over every labelled page must keep its mean F1 per dataset at or
// above the committed floor in quality-floor.json, and must never come back empty where plain Readability finds
// an article (checked live: plain Readability runs here too). `npm run bench:quality` gives the full picture;
// raise the floors when quality improves (each floor is the measured F1 minus 0.002). readability-test-pages has
// no human label: its floor guards our agreement with Readability's own output (junk we remove counts against
// it), so a drop there means we started losing text Readability keeps: look for lost article text.
import { extract } from '../../../src/extraction';
import { loadDataset } from '../../bench/lib/datasets';
import {
  runPage,
  scorePage,
  summarizeDataset,
  type DatasetSummary,
} from '../../bench/lib/evaluate';
import floors from './quality-floor.json';

// Every page is parsed by jsdom and run through both extractors; our pipeline dominates the cost (1-4 s a page
// on the shared 2-core machine when this was written). The limit is only a safety net: nothing here is timed.
const DATASET_TIMEOUT_MS = 30 * 60 * 1000;

const floorEntries = Object.entries(floors as Record<string, number>);

describe.each(floorEntries)('quality gate: %s', (dataset, floor) => {
  let summary: DatasetSummary;

  beforeAll(() => {
    const pages = loadDataset(dataset);
    // One parse per page: plain Readability gets a deep clone, ours the parsed document.
    summary = summarizeDataset(
      dataset,
      pages.map((page) => scorePage(runPage(page, extract, 'clone'))),
    );
  }, DATASET_TIMEOUT_MS);

  it('runs our extractor on every page without throwing', () => {
    expect(summary.oursErrors).toEqual([]);
  });

  it(`keeps our mean F1 at or above the committed floor (${floor})`, () => {
    expect(summary.ours).not.toBeNull();
    expect(summary.ours!.f1).toBeGreaterThanOrEqual(floor);
  });

  it('never comes back empty where plain Readability finds an article', () => {
    expect(summary.emptied).toEqual([]);
  });
});
