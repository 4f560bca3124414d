// Readability's parser on its own (the package index would also bundle the readerable check).
// The file assigns the class itself to module.exports.
declare module '@mozilla/readability/Readability.js' {
  import type { Readability } from '@mozilla/readability';
  const parser: typeof Readability;
  export default parser;
}
