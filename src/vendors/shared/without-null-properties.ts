/**
 * A JSON value with every `null` property removed, at any depth (array items stay). Java and .NET clients write an
 * unset optional field as `null` (Jackson's and Json.NET's defaults); a vendor reads it as absent, and so does the mock
 * once the request is valid.
 */
export function withoutNullProperties<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutNullProperties(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNullProperties(field)]),
  ) as T;
}
