import type { VendorPlugin } from '../../core/vendor-plugin.js';
import { bundledSpecFile } from '../shared/spec-file.js';
import { intershopHandlers } from './handlers.js';
import { renderIntershopError } from './render-error.js';
import { intershopRecording } from './recording.js';
import { RULES } from './rules.js';

/** Intershop Order Management (IOM) RMA REST API 2.11: return requests under `/shops/{shopName}/...`. */
export const intershopPlugin: VendorPlugin = {
  id: 'intershop',
  title: 'Intershop IOM RMA REST API 2.11',
  prefix: '/intershop',
  specFile: bundledSpecFile('intershop.yaml'),
  renderError: renderIntershopError,
  handlers: intershopHandlers,
  recording: intershopRecording,
  rules: Object.values(RULES),
};
