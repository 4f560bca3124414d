// The pages the e2e tests open (paths under test/fixtures, served over HTTP) and what the reader must show.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesRoot } from './paths';

export interface ArticleFixture {
  /** Short name for test titles. */
  readonly name: string;
  /** Path under test/fixtures. */
  readonly path: string;
  /** The overlay title starts with this. */
  readonly titleStart: string;
  /** Shown in .bs-byline, .bs-site and (the year) .bs-date. */
  readonly byline: string;
  readonly siteName: string;
  readonly year: string;
  /** Text from the article's first and last paragraphs: both must be in the overlay. */
  readonly firstParagraph: string;
  readonly lastParagraph: string;
  /** Page furniture that must not reach the overlay (matched case-insensitively). */
  readonly absent: readonly string[];
  /** The page's language, which the overlay must carry. */
  readonly lang: string;
  /** A focusable element in the page (outside the article) to check focus comes back to it. */
  readonly focusSelector: string;
  /** The article's photo: its real (not lazy-placeholder) path on the page's origin, and its caption. */
  readonly figure?: { readonly path: string; readonly caption: string };
  /** A link in the article: its text and the path it must point to, made absolute on the page's origin. */
  readonly link?: { readonly text: string; readonly path: string };
}

/** The blocks around (or inside) the seed article that the rules remove. */
const seedJunk = ['Day In a Page', 'iJobs', 'PROMOTED VIDEO', 'sign up for daily news emails'];

/** The metadata the seed-like fixtures carry next to source.html (expected-metadata.json). */
interface SeedMetadata {
  title: string;
  byline: string;
  siteName: string;
  publishedTime: string;
  lang: string;
}

function seedLike(placement: 'inside' | 'beside'): ArticleFixture | null {
  const folder = `pages/independent-2014-seed-${placement}`;
  const metadataFile = join(fixturesRoot, folder, 'expected-metadata.json');
  if (!existsSync(metadataFile)) return null;
  const metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as SeedMetadata;
  return {
    name: `seed-like page, junk ${placement} the article`,
    path: `${folder}/source.html`,
    titleStart: metadata.title,
    byline: metadata.byline,
    siteName: metadata.siteName,
    year: metadata.publishedTime.slice(0, 4),
    firstParagraph:
      'The US Secretary of State John Kerry sounded upbeat after a 90-minute meeting with the Iraqi Prime Minister',
    lastParagraph:
      'The inhabitants of Sunni villages nearby have already fled because they expect revenge attacks by the Shia.',
    absent: seedJunk,
    lang: metadata.lang,
    focusSelector: 'a[href]',
    figure: {
      path: '/incoming/article9556512.ece/ALTERNATES/w620/Kerry-Maliki.jpg',
      caption:
        'John Kerry met Nouri al-Maliki yesterday; he is said to have asked the US for air strikes on Isis in Iraq and Syria',
    },
  };
}

/** An ordinary article page of our own (test/fixtures/e2e/plain-article). */
export const plainArticle: ArticleFixture = {
  name: 'plain article page',
  path: 'e2e/plain-article/source.html',
  titleStart: 'Harbour town opens a library in its old lifeboat station',
  byline: 'Maren Holt',
  siteName: 'The Coastal Courier',
  year: '2024',
  firstParagraph: 'The lifeboat station at the end of Quay Street stood empty for eleven years',
  lastParagraph: '"It\'s the best room in the whole town."',
  absent: ['Most read', 'Winter ferry timetable announced', 'Privacy'],
  lang: 'en',
  focusSelector: '#home-link',
  link: { text: 'More harbour news', path: '/news/harbour/' },
};

export const aggressiveCssArticle: ArticleFixture = {
  ...plainArticle,
  name: 'article page with hostile CSS',
  path: 'e2e/aggressive-css/source.html',
};

export const arabicArticle: ArticleFixture = {
  name: 'Arabic (right-to-left) article page',
  path: 'e2e/rtl-article-ar/source.html',
  titleStart: 'افتتاح أكبر محطة لتحلية مياه البحر بالطاقة الشمسية',
  byline: 'ليلى منصور',
  siteName: 'صحيفة الساحل',
  year: '2024',
  firstParagraph: 'افتتحت البلدية صباح الخميس محطة جديدة لتحلية مياه البحر',
  lastParagraph: 'إذا أثبتت المحطة الأولى قدرتها على العمل بكفاءة طوال فصل الصيف.',
  absent: ['اتصل بنا', 'من نحن'],
  lang: 'ar',
  focusSelector: 'nav a',
};

export const noArticlePath = 'e2e/no-article/source.html';

/**
 * The seed-like pages (test/fixtures/pages/independent-2014-seed-*, with their expected-metadata.json).
 * Should they be missing, the plain article stands in so the harness still runs end to end.
 */
export function seedLikePages(): ArticleFixture[] {
  const seeds = [seedLike('inside'), seedLike('beside')].filter(
    (page): page is ArticleFixture => page !== null,
  );
  return seeds.length > 0 ? seeds : [plainArticle];
}
