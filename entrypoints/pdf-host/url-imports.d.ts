/** Vite's `?url` imports: the file is shipped as it is and its extension URL is the default export. */
declare module '*?url' {
  const url: string;
  export default url;
}
