/** One block the cleanup rules removed, so a user can see why something is gone. */
export interface RemovedBlock {
  /** The id of the rule that removed it, e.g. "generic/newsletter-signup" or "independent.co.uk/day-in-a-page". */
  ruleId: string;
  /** A short sample of the removed text (at most ~100 characters). */
  sample: string;
}

/** What the extraction pipeline returns for a page with an article. */
export interface ExtractedArticle {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 when known. */
  publishedTime: string | null;
  /** BCP 47 language tag, e.g. "en" or "ar". */
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  readingTimeMinutes: number;
  /**
   * Words in `text`. A reader shows fewer than MIN_ARTICLE_WORDS (a club's opening hours under its
   * menu) as "no article"; other callers (the CLI, the library) decide for themselves.
   */
  wordCount: number;
  /** Sanitised article HTML, safe to insert into a page. */
  html: string;
  /** Plain text: paragraphs separated by blank lines. */
  text: string;
  removed: RemovedBlock[];
  /**
   * Only with ExtractOptions.firstScreenFirst, on a very long article: this result is the article's first
   * screen (its html, text, wordCount and removed; readingTimeMinutes is the whole article's), and rest()
   * cleans the rest and returns the whole article, as extract() would have (it throws as extract does).
   */
  rest?: () => ExtractedArticle | null;
}
