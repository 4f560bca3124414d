// Readability's readerable check on its own (the package index would also bundle the whole parser).
// The file assigns the function itself to module.exports.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable } from '@mozilla/readability';
  const readerable: typeof isProbablyReaderable;
  export default readerable;
}
