import type { VendorPlugin } from '../../core/vendor-plugin.js';
import { bundledSpecFile } from '../shared/spec-file.js';
import { emporixHandlers } from './handlers.js';
import { renderEmporixError } from './render-error.js';
import { emporixRecording } from './recording.js';
import { RULES } from './rules.js';

/** Emporix Returns service: `/return/{tenant}/returns`. */
export const emporixPlugin: VendorPlugin = {
  id: 'emporix',
  title: 'Emporix Returns service',
  prefix: '/emporix',
  specFile: bundledSpecFile('emporix.yaml'),
  renderError: renderEmporixError,
  // The customer's session token: a credential, though the spec declares it as a plain header parameter.
  secretHeaders: ['saas-token'],
  handlers: emporixHandlers,
  recording: emporixRecording,
  rules: Object.values(RULES),
};
