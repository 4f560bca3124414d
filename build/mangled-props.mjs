// Property names the extension build shortens (esbuild's mangleProps). Only names that never leave a
// bundle: nothing the DOM, the extension APIs, messages, storage or another bundle read by name.
//   - "_x" names: Readability's many private members (_grabArticle, _cleanConditionally...). Not "__x__"
//     ones, which can cross bundles (the polyfill's rejection marker).
//   - Readability's own constants and scratch fields (this.REGEXPS, this.FLAG_*, node.readability...):
//     long names it reads on every call, used by no other code in the bundle (a unit test checks that,
//     test/unit/bundle/mangled-props.test.ts). About 1.6 KB off content.js.

/** Readability's non-underscore properties that only Readability (and Readability-readerable) use. */
export const readabilityInternals = [
  'REGEXPS',
  'FLAG_STRIP_UNLIKELYS',
  'FLAG_WEIGHT_CLASSES',
  'FLAG_CLEAN_CONDITIONALLY',
  'DEFAULT_TAGS_TO_SCORE',
  'DEFAULT_CHAR_THRESHOLD',
  'DEFAULT_MAX_ELEMS_TO_PARSE',
  'DEFAULT_N_TOP_CANDIDATES',
  'UNLIKELY_ROLES',
  'DIV_TO_P_ELEMS',
  'ALTER_TO_DIV_EXCEPTIONS',
  'PRESENTATIONAL_ATTRIBUTES',
  'DEPRECATED_SIZE_ATTRIBUTE_ELEMS',
  'PHRASING_ELEMS',
  'CLASSES_TO_PRESERVE',
  'HTML_ESCAPE_MAP',
  // node.readability = { contentScore }: the score Readability keeps on each candidate element.
  'readability',
  'contentScore',
  // Keys of REGEXPS that no DOM or library API shares (positive, normalize... stay as they are).
  'unlikelyCandidates',
  'okMaybeItsACandidate',
  'extraneous',
  'replaceFonts',
  'shareElements',
  'jsonLdArticleTypes',
  'b64DataUrl',
  'srcsetUrl',
  'hashUrl',
  'hasContent',
  'adWords',
  'loadingWords',
];

/** The pattern for esbuild's mangleProps. */
export const mangledProps = new RegExp(`^(_[a-zA-Z].*|${readabilityInternals.join('|')})$`);
