export { buildPacts, type PactExport, type PactExportOptions, type PactSkips } from './build-pacts.js';
export type { PactFile, PactInteraction } from './pact-file.js';
export type { PactVendor } from './to-pact-interaction.js';
