// The Node library: the same pure pipeline the extension runs, for tools, benchmarks and tests.
export { extract } from '../extraction';
export type { ExtractOptions } from '../extraction';
export type { ExtractedArticle, RemovedBlock } from '../extraction/types';
export { detectArticle } from '../detection';
export type { DetectionResult } from '../detection';
