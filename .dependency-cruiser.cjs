/* global module */
/**
 * The folder rules of docs/architecture.md ("Folder rules"), checked by `npm test` (npm run
 * check:imports). lib/ is the core; components/, widget/, entrypoints/, bin/, node/ and server/
 * are shells that reach lib only through its entry points.
 */
const SHELLS = '^(components|widget|entrypoints|bin|node|server)/';
// lib/index.ts re-exports everything; the leaf entry points (verify, verify-all, report, codes) let a
// bundle that must stay small (the widget, 60 kB gzip budget) import one part without the rest.
const LIB_ENTRY_POINTS = '^lib/(index|tools|basics|qr|browser|verify|verify-all|report)\\.ts$|^lib/(sources|codes|training-registry)/index\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-imports-no-shell',
      comment: 'lib/ is the core: it never imports a shell (the extension, the widget, the components, the CLI, node/, server/).',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: SHELLS },
    },
    {
      name: 'shells-use-lib-entry-points',
      comment: 'A shell imports lib only through lib/index.ts, lib/tools.ts, lib/basics.ts, lib/qr.ts, lib/browser.ts, lib/sources/index.ts, lib/training-registry/index.ts, or the leaf entry points lib/verify.ts, lib/verify-all.ts, lib/report.ts, lib/codes/index.ts.',
      severity: 'error',
      from: { path: SHELLS },
      to: { path: '^lib/', pathNot: LIB_ENTRY_POINTS },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles (runtime imports; type-only imports are erased and allowed).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'components-render-only',
      comment: 'components/ render reports; they import neither the widget, the extension nor the CLI.',
      severity: 'error',
      from: { path: '^components/' },
      to: { path: '^(widget|entrypoints|bin|node|server)/' },
    },
    {
      name: 'shells-stay-apart',
      comment: 'The widget, the extension and the CLI share code only through lib/ and components/.',
      severity: 'error',
      from: { path: '^(widget|entrypoints|bin)/' },
      to: { path: '^(widget|entrypoints|bin)/', pathNot: '^$1/' },
    },
    {
      name: 'content-script-stays-small',
      comment: 'The content script runs on every supported page: of lib it may import only the link recogniser.',
      severity: 'error',
      from: { path: '^entrypoints/content/' },
      to: { path: '^lib/', pathNot: '^lib/sources/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.output|\\.wxt|test|bench|scripts|demo)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
