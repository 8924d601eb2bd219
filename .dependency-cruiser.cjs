/**
 * The architecture's rules, checked by `npm run check:deps` (STYLE.md §11):
 * - a service never imports another service (they talk over HTTP and events only);
 * - only repositories and the composition root touch the Prisma client;
 * - the shared packages never import a service, and production code never imports the testkit.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-service-to-service',
      comment: 'Services are independent: share code through packages/, talk over HTTP or events.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'prisma-only-in-repositories',
      comment: 'Prisma stays behind repositories; services and routes get plain objects.',
      severity: 'error',
      from: {
        path: '^services/[^/]+/src/',
        pathNot: ['\\.repository\\.ts$', '/src/container\\.ts$', '/src/generated/'],
      },
      to: { path: ['^services/[^/]+/src/generated/', '^node_modules/@prisma/client'] },
    },
    {
      name: 'tests-use-sql-not-prisma',
      comment:
        'Tests assert stored state with SQL through the pool, not with the generated client.',
      severity: 'error',
      from: { path: '^services/[^/]+/test/' },
      to: { path: '^services/[^/]+/src/generated/' },
    },
    {
      name: 'packages-do-not-import-services',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^services/' },
    },
    {
      name: 'no-testkit-in-production-code',
      severity: 'error',
      from: { path: ['^packages/(platform|contracts)/src/', '^services/[^/]+/src/'] },
      to: { path: '^packages/testkit/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { pathNot: '/generated/' },
      to: { circular: true, pathNot: '/generated/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '/generated/prisma/internal/', '\\.data/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
