/** Vite's `?raw` imports: a file's text, bundled (used to show docs/analysis.md's rules). */
declare module '*.md?raw' {
  const text: string;
  export default text;
}
