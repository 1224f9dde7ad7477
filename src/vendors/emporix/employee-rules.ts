import { raise, type Rule } from '../../core/rules.js';
import type { Violation } from '../../core/violation.js';
import type { EmporixCaller } from './caller.js';
import { RULES } from './rules.js';

type Finding = Omit<Violation, 'operationId'>;

/** Which body an employee sends, and the spec schema that documents it. */
export interface EmployeeBodyRules {
  /** Fields an employee's body must carry. */
  required: readonly string[];
  /** `#/components/schemas/CreateReturn` or `UpdateReturn`. */
  schema: string;
  /** `create` or `update`, for the messages. */
  action: string;
  /** What a missing field is: a refusal on create, a risk on PUT (served keeping the stored value). */
  missing: Rule;
}

/**
 * Emporix's reference: an employee's create (`basicEmployeeReturnBase`) requires `requestor` and `submitter`; an
 * employee's PUT (`updateEmployeeReturn`) requires `approvalStatus`, `requestor` and `submitter`, but its body is "any
 * of" that and the customer's variant, which requires none of them: a risk there.
 */
export const EMPLOYEE_CREATE: EmployeeBodyRules = {
  required: ['requestor', 'submitter'],
  schema: '#/components/schemas/CreateReturn',
  action: 'create',
  missing: RULES.employeeFieldRequired,
};
export const EMPLOYEE_UPDATE: EmployeeBodyRules = {
  required: ['approvalStatus', 'requestor', 'submitter'],
  schema: '#/components/schemas/UpdateReturn',
  action: 'update',
  missing: RULES.employeeFieldMissingOnUpdate,
};

const WHAT: Record<string, string> = {
  requestor: "'requestor': customerId for a registered customer, or anonymous: true and email for an anonymous order",
  submitter: "'submitter' (firstName, lastName, email)",
  approvalStatus: "'approvalStatus'",
};

const given = (value: unknown) => typeof value === 'string' && value !== '';

/**
 * Every field an employee's create or PUT lacks, and a requestor that names neither a registered customer
 * (`customerId`) nor an anonymous order (`anonymous: true` and `email`). A customer's body is not checked here: the
 * service fills these fields from the customer's token.
 */
export function missingEmployeeFields(caller: EmporixCaller, body: Record<string, unknown>, rules: EmployeeBodyRules): Finding[] {
  if (caller.kind !== 'employee') return [];
  const findings: Finding[] = rules.required
    .filter((field) => body[field] === undefined)
    .map((field) =>
      raise(rules.missing, {
        location: 'body',
        pointer: `/${field}`,
        message: `an employee's ${rules.action} needs ${WHAT[field] ?? `'${field}'`}`,
        specPointer: `${rules.schema}/properties/${field}`,
      }),
    );
  const requestor = body.requestor;
  if (typeof requestor === 'object' && requestor !== null && !Array.isArray(requestor)) {
    const { customerId, anonymous, email } = requestor as Record<string, unknown>;
    if (!given(customerId) && !(anonymous === true && given(email))) {
      const anonymousWithoutEmail = anonymous === true;
      findings.push(
        raise(RULES.requestorIncomplete, {
          location: 'body',
          pointer: anonymousWithoutEmail ? '/requestor/email' : '/requestor/customerId',
          message: anonymousWithoutEmail
            ? "an anonymous order's requestor needs 'email', the order's email"
            : "'requestor' needs 'customerId' (a registered customer) or 'anonymous': true and 'email' (an anonymous order)",
          specPointer: '#/components/schemas/RequestorInput',
        }),
      );
    }
  }
  return findings;
}
