import { defineRules } from './rules.js';

/**
 * The engine's own rules, for every vendor (`vendor: '*'`): request validation against the spec, content negotiation,
 * credentials and the mock's controls. A vendor's `rules` may re-grade one of these codes for itself.
 */
export const CORE_RULES = defineRules('*', {
  bodyTooLarge: {
    code: 'request.body.too-large',
    level: 'violation',
    source: 'mock',
    description: 'The body is larger than --max-body; refused in either mode to protect the mock, never counted against the vendor contract.',
  },
  undeclaredCredential: {
    code: 'security.credential.undeclared',
    level: 'violation',
    source: 'mock',
    description: 'Under --auth strict, a well-formed credential the fixtures do not declare is refused with 401 (the option asks for it).',
  },
});
