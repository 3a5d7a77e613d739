/** snippets/*.code-snippets, bundled as text by esbuild (loader 'text'). */
declare module '*.code-snippets' {
  const text: string;
  export default text;
}
