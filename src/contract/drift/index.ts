export { checkDrift, type DriftSpecs } from './check-drift.js';
export { diffSpecs, type SpecVersions } from './diff-specs.js';
export { DRIFT_REPORT_VERSION, type DriftOperation, type DriftReport, type DriftVendor } from './drift-report.js';
export { renderDrift } from './render-drift.js';
export type { ChangeClass, SpecChange } from './spec-change.js';
