// The esbuild options the widget ships with; the benchmark builds a peer component with the same
// options so that sizes compare like with like.
export const WIDGET_BUILD_OPTIONS = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
};
