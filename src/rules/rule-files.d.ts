// Rule files are plain-text data bundled as strings (esbuild text loader; a jest transform in tests).
declare module '*.rules' {
  const text: string;
  export default text;
}
