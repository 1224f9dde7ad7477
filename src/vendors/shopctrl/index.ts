import type { VendorPlugin } from '../../core/vendor-plugin.js';
import { bundledSpecFile } from '../shared/spec-file.js';
import { shopCtrlHandlers } from './handlers.js';
import { renderShopCtrlError } from './render-error.js';
import { shopCtrlRecording } from './recording.js';

/** ShopCtrl API, Returns: `POST v1/Returns` in JSON or XML. */
export const shopCtrlPlugin: VendorPlugin = {
  id: 'shopctrl',
  title: 'ShopCtrl API (Returns)',
  prefix: '/shopctrl',
  specFile: bundledSpecFile('shopctrl.yaml'),
  renderError: renderShopCtrlError,
  handlers: shopCtrlHandlers,
  recording: shopCtrlRecording,
};
