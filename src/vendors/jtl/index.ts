import type { VendorPlugin } from '../../core/vendor-plugin.js';
import { bundledSpecFile } from '../shared/spec-file.js';
import { jtlHandlers } from './handlers.js';
import { renderJtlError } from './render-error.js';
import { jtlRecording } from './recording.js';
import { JTL_RULES } from './rules.js';

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
  rules: Object.values(JTL_RULES),
  // JTL-Cloud is an ASP.NET Core service (.NET round-trip dates, "Model Class"): its routing, negotiation and
  // System.Text.Json binding defaults apply where the page is silent (specs/README.md, "Calibration").
  platform: { caseInsensitivePaths: true, negotiation: 'request-format', lenientJsonBinding: true },
  recording: jtlRecording,
};
