// PLACEHOLDER (scaffold): replaced by the article-page detector.
export interface DetectionResult {
  article: boolean;
  reasons: string[];
}
export function detectArticle(
  _document: Document,
  _options: { url?: string } = {},
): DetectionResult {
  throw new Error('detectArticle: not implemented yet');
}
