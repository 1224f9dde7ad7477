import type { VendorPlugin } from '../../core/vendor-plugin.js';
import { bundledSpecFile } from '../shared/spec-file.js';
import { jtlHandlers } from './handlers.js';
import { renderJtlError } from './render-error.js';
import { jtlRecording } from './recording.js';

/** JTL-Cloud ERP API, Returns: `POST /erp/returns`. */
export const jtlPlugin: VendorPlugin = {
  id: 'jtl',
  title: 'JTL-Cloud ERP API (Returns)',
  prefix: '/jtl',
  specFile: bundledSpecFile('jtl.yaml'),
  renderError: renderJtlError,
  // Every JTL call names its app (`X-AppID: MyApp/1.0.0`): the natural name of the client in a report.
  clientHeaders: ['x-appid'],
  handlers: jtlHandlers,
  recording: jtlRecording,
};
