/**
 * Whether an error answer has its vendor's shape, checked independently of the renderers: what a client of that vendor
 * parses. Returns why not, or undefined when it fits.
 */
export function vendorShapeProblem(vendor: string, status: number, contentType: string, text: string): string | undefined {
  if (vendor === 'shopctrl' && contentType.includes('xml')) return /<Message>[^<]*<\/Message>/.test(text) ? undefined : 'ShopCtrl XML error without <Message>';
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON: ${text.slice(0, 80)}`;
  }
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  if (!isObject) return 'not a JSON object';
  switch (vendor) {
    case 'jtl':
      if (!contentType.startsWith('application/problem+json')) return `JTL error as ${contentType}`;
      return body.status === status && typeof body.title === 'string' && typeof body.errors === 'object' ? undefined : 'JTL problem details without status, title or errors';
    case 'intershop':
      return body.status === status &&
        Array.isArray(body.errors) &&
        body.errors.length > 0 &&
        body.errors.every((e: any) => typeof e.code === 'string' && typeof e.message === 'string')
        ? undefined
        : 'IOM ErrorReport without status or errors of code and message';
    case 'emporix':
      if (status === 401) return typeof body.fault?.faultstring === 'string' ? undefined : 'Emporix 401 without the gateway fault';
      return body.code === status && typeof body.status === 'string' && typeof body.message === 'string' ? undefined : 'Emporix error without code, status and message';
    case 'shopctrl':
      return typeof body.Message === 'string' ? undefined : 'ShopCtrl HttpError without Message';
    default:
      return `unknown vendor ${vendor}`;
  }
}
