import { isRecord } from '../../input/json.js';
import { check, type Check } from '../../report.js';
import { obV3p0AchievementcredentialVc1, obV3p0AchievementcredentialVc2, type GeneratedValidator } from '../generated/schemas.js';

const SCHEMA_TYPES = new Set(['JsonSchema', 'JsonSchemaCredential', '1EdTechJsonSchemaValidator2019', 'JsonSchemaValidator2018']);

function typesOf(value: Record<string, unknown>): string[] {
  return (Array.isArray(value.type) ? value.type : [value.type]).filter((t): t is string => typeof t === 'string');
}

/** The shipped validator that applies to the credential by its type and data model version, if any. */
function shippedValidator(vc: Record<string, unknown>): { name: string; validate: GeneratedValidator } | undefined {
  const types = typesOf(vc);
  if (!types.includes('OpenBadgeCredential') && !types.includes('AchievementCredential')) return undefined;
  const contexts = Array.isArray(vc['@context']) ? vc['@context'] : [vc['@context']];
  // Pre-release badges (JFF plugfest contexts) predate the 1EdTech schema: it does not apply to them.
  if (!contexts.some((c) => typeof c === 'string' && c.startsWith('https://purl.imsglobal.org/spec/ob/v3p0/'))) return undefined;
  if (contexts[0] === 'https://www.w3.org/ns/credentials/v2') return { name: 'Open Badges 3.0 AchievementCredential (VC 2.0)', validate: obV3p0AchievementcredentialVc2 };
  return { name: 'Open Badges 3.0 AchievementCredential (VC 1.1)', validate: obV3p0AchievementcredentialVc1 };
}

function describeErrors(validate: GeneratedValidator): string {
  const first = validate.errors?.[0];
  if (!first) return 'it does not match';
  return `${first.instancePath || '(credential)'} ${first.message ?? first.keyword}`;
}

/**
 * JSON Schema conformance. Shipped schemas are compiled ahead of time (scripts/build-schemas.mjs):
 * no validator is ever compiled at run time, since that needs eval, which strict Content Security
 * Policies (extension pages, job boards) forbid. A `credentialSchema` naming a schema that is not
 * shipped is therefore reported as not checked, never as passed.
 */
export function schemaCheck(vc: Record<string, unknown>): Check {
  const declared = (Array.isArray(vc.credentialSchema) ? vc.credentialSchema : vc.credentialSchema === undefined ? [] : [vc.credentialSchema]).filter(isRecord);
  const notChecked = declared
    .filter((s) => typesOf(s).some((t) => SCHEMA_TYPES.has(t)))
    .map((s) => (typeof s.id === 'string' ? s.id : '(no id)'));
  const unknownTypes = declared.filter((s) => !typesOf(s).some((t) => SCHEMA_TYPES.has(t))).map((s) => typesOf(s).join(', ') || 'untyped');
  const details: Record<string, unknown> = {};
  if (notChecked.length) details.notChecked = notChecked;
  if (unknownTypes.length) details.unsupportedTypes = unknownTypes;

  const shipped = shippedValidator(vc);
  if (shipped) {
    if (!shipped.validate(vc)) {
      return check('schema', 'SCHEMA_INVALID', `The credential does not conform to the ${shipped.name} schema: ${describeErrors(shipped.validate)}`, { ...details, schema: shipped.name, errors: shipped.validate.errors?.slice(0, 5) });
    }
    const extra = notChecked.length ? `; the declared schema${notChecked.length > 1 ? 's' : ''} ${notChecked.join(', ')} ${notChecked.length > 1 ? 'were' : 'was'} not checked (not shipped with Credlens)` : '';
    return check('schema', 'SCHEMA_VALID', `Conforms to the ${shipped.name} schema${extra}`, { ...details, schema: shipped.name });
  }
  if (unknownTypes.length) return check('schema', 'SCHEMA_UNSUPPORTED', `The credential names schemas of types Credlens does not know (${unknownTypes.join('; ')})`, details);
  if (notChecked.length) {
    return check('schema', 'SCHEMA_NOT_SHIPPED', `The declared schema${notChecked.length > 1 ? 's' : ''} ${notChecked.join(', ')} ${notChecked.length > 1 ? 'are' : 'is'} not shipped with Credlens and cannot be compiled safely at run time, so ${notChecked.length > 1 ? 'they were' : 'it was'} not checked`, details);
  }
  return check('schema', 'SCHEMA_NONE', 'No JSON schema applies to this credential');
}
