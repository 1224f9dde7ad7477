import type { VendorPlugin } from '../../core/vendor-plugin.js';
import { bundledSpecFile } from '../shared/spec-file.js';
import { shopCtrlHandlers } from './handlers.js';
import { renderShopCtrlError } from './render-error.js';
import { shopCtrlRecording } from './recording.js';
import { SHOPCTRL_RULES } from './rules.js';

/** ShopCtrl API, Returns: `POST v1/Returns` in JSON or XML. */
export const shopCtrlPlugin: VendorPlugin = {
  id: 'shopctrl',
  title: 'ShopCtrl API (Returns)',
  prefix: '/shopctrl',
  specFile: bundledSpecFile('shopctrl.yaml'),
  renderError: renderShopCtrlError,
  handlers: shopCtrlHandlers,
  rules: Object.values(SHOPCTRL_RULES),
  // The page is an ASP.NET Web API 2 help page (Json.NET, XmlSerializer): its routing, negotiation and binding
  // defaults apply where the page is silent (specs/README.md, "Calibration").
  platform: { caseInsensitivePaths: true, negotiation: 'request-format', lenientJsonBinding: true },
  recording: shopCtrlRecording,
};
