// Jest transform: rule files (*.rules) are plain-text data, imported as a string (esbuild's text loader does the same in builds).
module.exports = {
  process(sourceText) {
    return {
      code: `module.exports = ${JSON.stringify(sourceText)}; module.exports.default = module.exports;`,
    };
  },
};
