import type { VendorPlugin } from '../../core/vendor-plugin.js';
import { bundledSpecFile } from '../shared/spec-file.js';
import { emporixHandlers } from './handlers.js';
import { renderEmporixError } from './render-error.js';
import { emporixRecording } from './recording.js';

/** Emporix Returns service: `/return/{tenant}/returns`. */
export const emporixPlugin: VendorPlugin = {
  id: 'emporix',
  title: 'Emporix Returns service',
  prefix: '/emporix',
  specFile: bundledSpecFile('emporix.yaml'),
  renderError: renderEmporixError,
  handlers: emporixHandlers,
  recording: emporixRecording,
};
