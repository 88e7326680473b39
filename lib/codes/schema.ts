import type { CodeTable } from './types.js';

/** JSON Schema conformance (1EdTech Open Badges 3.0 / CLR 2.0 schemas and `credentialSchema`). */
export const SCHEMA_CODES = {
  SCHEMA_VALID: { effect: 'pass', summary: 'The credential conforms to the JSON schemas it must follow.' },
  SCHEMA_INVALID: { effect: 'warning', summary: 'The credential is authentic but does not conform to a JSON schema it should follow; the member and what the schema expects are named.' },
  SCHEMA_NONE: { effect: 'skip', summary: 'No JSON schema applies to this credential.' },
  SCHEMA_NOT_SHIPPED: { effect: 'skip', summary: 'The credential names a JSON schema that Credlens does not ship; it cannot be compiled safely at run time, so it was not checked.' },
  SCHEMA_UNAVAILABLE: { effect: 'warning', summary: 'A JSON schema the credential names could not be obtained, so conformance to it was not checked.' },
  SCHEMA_UNSUPPORTED: { effect: 'warning', summary: 'A JSON schema the credential names uses a schema type or feature Credlens cannot check.' },
} as const satisfies CodeTable;
