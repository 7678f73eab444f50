/**
 * The house boundaries (STYLE.md "Layout and boundaries"), checked in CI by `npm run boundaries`
 * over src/ and dev/. Pure folders stay pure, adapters (platform adapters included) never import
 * each other, only app/ wires adapters, only main.ts imports app/, components never touch
 * adapters, and the dev/neotel simulator shares only the NeoApi contract (and shared/) with src/.
 */
const ADAPTERS = '^src/(sip|opencti|platforms/[^/]+|storage|tabs)/';
/** The NeoApi contract (the table, its naming rules and its notes): data, the one part of the Neotel adapter others may read. */
const NEO_CONTRACT = '^src/platforms/neotel/contract(-names|-notes)?\\.ts$';
/**
 * Each platform's contract: the data and wire formats config/ validates settings against. Neotel's
 * NeoApi table and naming rules; the sip platform's hook templates, pop headers and dial plan.
 * Leaves (nothing but each other and shared/), so pure folders may read them.
 */
const PLATFORM_CONTRACTS = [NEO_CONTRACT, '^src/platforms/sip/(hook-template|pop-data|dial-plan)\\.ts$'];
const PURE = '^src/(call|crm|config|i18n)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared imports nothing else from src/.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/shared/' },
    },
    {
      name: 'pure-imports-only-shared',
      comment: 'call/, crm/, config/ and i18n/ import only shared/ (and types from each other).',
      severity: 'error',
      from: { path: PURE },
      to: { path: '^src/', pathNot: ['^src/shared/', PURE, ...PLATFORM_CONTRACTS], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'contract-is-a-leaf',
      comment: 'A platform contract is data: it imports nothing but itself and shared/, so config/ and dev/ can read it.',
      severity: 'error',
      from: { path: PLATFORM_CONTRACTS },
      to: { pathNot: [...PLATFORM_CONTRACTS, '^src/shared/'] },
    },
    {
      name: 'config-reads-only-the-contract-of-a-platform',
      comment: 'config/ validates neoApiMethods and the sipPlatform section against the platform contracts; nothing else of a platform.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/platforms/', pathNot: PLATFORM_CONTRACTS, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'neotel-simulator-shares-only-the-contract',
      comment: 'dev/neotel stands in for the real server: it may share the wire contract and shared/, never the client code it tests.',
      severity: 'error',
      from: { path: '^dev/neotel/' },
      to: { path: '^src/', pathNot: ['^src/shared/', NEO_CONTRACT] },
    },
    {
      name: 'dev-never-imports-app-or-components',
      comment: 'The stand-ins (dev/) are servers: they never run the softphone\'s own app or UI code.',
      severity: 'error',
      from: { path: '^dev/' },
      to: { path: '^src/(app|components|controllers)/' },
    },
    {
      name: 'pure-has-no-runtime-siblings',
      comment: 'Pure folders may share types with each other, not runtime code.',
      severity: 'error',
      from: { path: '^src/(call|crm|config|i18n)/' },
      to: { path: PURE, pathNot: '^src/$1/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'pure-has-no-platform',
      comment: 'Pure folders run in Node and the browser alike: no node: built-ins, no sip.js, no lit.',
      severity: 'error',
      from: { path: PURE },
      to: { path: '^(node:|sip\\.js|lit|@lit/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'adapters-never-import-adapters',
      comment: 'sip, opencti, each platform adapter and storage never import each other (type imports from pure folders only).',
      severity: 'error',
      from: { path: '^src/(sip|opencti|platforms/[^/]+|storage|tabs)/' },
      to: { path: ADAPTERS, pathNot: '^src/$1/' },
    },
    {
      name: 'adapters-import-pure-as-types',
      severity: 'error',
      from: { path: ADAPTERS },
      to: { path: PURE, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-app-imports-adapters',
      comment: 'Except the platform contracts, which are data (config/ validates settings against them).',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', ADAPTERS] },
      to: { path: ADAPTERS, pathNot: PLATFORM_CONTRACTS, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-main-imports-app',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/app/', '^src/main\\.ts$'] },
      to: { path: '^src/app/' },
    },
    {
      name: 'view-contract-is-types-and-events',
      comment: 'src/view is the app–UI contract: it imports nothing but itself, shared/ and types from the pure folders, so app/ and the UI share it without importing each other.',
      severity: 'error',
      from: { path: '^src/view/' },
      to: { path: '^src/', pathNot: ['^src/view/', '^src/shared/', PURE], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'view-contract-has-no-app-or-ui',
      severity: 'error',
      from: { path: '^src/view/' },
      to: { path: ['^src/(app|components|controllers)/', ADAPTERS, '^(lit|@lit/|sip\\.js|node:)'] },
    },
    {
      name: 'components-never-import-app',
      comment: 'Components get the service through @lit/context and the contract from src/view, never from app/.',
      severity: 'error',
      from: { path: '^src/(components|controllers)/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'components-never-import-adapters',
      severity: 'error',
      from: { path: '^src/components/' },
      to: { path: ADAPTERS },
    },
    {
      name: 'src-never-imports-dev-or-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(dev|test|e2e|cli|bench)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default', 'browser'] },
  },
};
