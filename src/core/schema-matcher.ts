/**
 * Whether a value satisfies a (sub)schema of the spec, local `$ref`s included: what the faker asks to decide `oneOf`,
 * `if`/`then` and patterns. Built in `validate/` (the only home of the schema engine) and handed to `fake/`.
 */
export type SchemaMatcher = (schema: unknown, value: unknown) => boolean;
