const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;

// Close to ajv-formats' full mode for the formats a generator produces, so that `oneOf` and `if` decisions agree with
// the validator; unknown formats pass, as `createAjv` lets them.
const STRING_FORMATS: Record<string, (value: string) => boolean> = {
  date: isDate,
  time: (value) => TIME.test(value),
  'date-time': (value) => {
    const [date, time, ...rest] = value.split(/t|\s/i);
    return rest.length === 0 && date !== undefined && time !== undefined && isDate(date) && TIME.test(time);
  },
  duration: (value) => /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/.test(value),
  uuid: (value) => /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value),
  email: (value) => /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(value),
  hostname: (value) => /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i.test(value),
  ipv4: (value) => /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(value),
  ipv6: (value) => value.includes(':') && /^[0-9a-f:.]+$/i.test(value),
  uri: (value) => /^[a-z][a-z0-9+\-.]*:[^\s]*$/i.test(value),
  url: (value) => /^(?:https?|ftp):\/\/[^\s/]+\.[^\s]+$/i.test(value),
  byte: (value) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value),
};

/** Whether a value satisfies a `format` as far as the faker needs to know (strings and int32/int64 ranges). */
export function matchesFormat(format: string, value: string | number): boolean {
  if (typeof value === 'number') {
    if (format === 'int32') return Number.isInteger(value) && value >= -(2 ** 31) && value <= 2 ** 31 - 1;
    if (format === 'int64') return Number.isInteger(value);
    return true;
  }
  return STRING_FORMATS[format]?.(value) ?? true;
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}
