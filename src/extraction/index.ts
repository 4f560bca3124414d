// PLACEHOLDER (scaffold): replaced by the extraction pipeline.
import type { ExtractedArticle } from './types';
export interface ExtractOptions {
  url?: string;
}
export function extract(
  _document: Document,
  _options: ExtractOptions = {},
): ExtractedArticle | null {
  throw new Error('extract: not implemented yet');
}
