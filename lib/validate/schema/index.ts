import { isRecord, stringsOf } from '../../util/json.js';
import { check, type Check } from '../../report.js';
import { mainError } from './describe.js';
import { schemaForType, schemaForUrl, type ShippedSchema } from './registry.js';

const SCHEMA_TYPES = new Set(['JsonSchema', 'JsonSchemaCredential', '1EdTechJsonSchemaValidator2019', 'JsonSchemaValidator2018']);


function listed(ids: string[], one: string, many: string): string {
  return `${ids.length > 1 ? many : one} ${ids.join(', ')}`;
}

/**
 * JSON Schema conformance (OB 3.0 §Verification, step 1). The shipped 1EdTech schemas are compiled
 * ahead of time (scripts/build-schemas.mjs) and loaded only when a credential needs one: no validator
 * is ever compiled at run time, since that needs eval, which strict Content Security Policies
 * (extension pages, job boards) forbid. A `credentialSchema` naming a schema that is not shipped is
 * therefore reported as not checked, never as passed.
 */
export async function schemaCheck(vc: Record<string, unknown>): Promise<Check> {
  const declared = (Array.isArray(vc.credentialSchema) ? vc.credentialSchema : vc.credentialSchema === undefined ? [] : [vc.credentialSchema]).filter(isRecord);
  const jsonSchemas = declared.filter((s) => stringsOf(s.type).some((t) => SCHEMA_TYPES.has(t)));
  const unknownTypes = declared.filter((s) => !stringsOf(s.type).some((t) => SCHEMA_TYPES.has(t))).map((s) => stringsOf(s.type).join(', ') || 'untyped');

  const toRun = new Map<string, { schema: ShippedSchema; declaredAs?: string }>();
  const notChecked: string[] = [];
  for (const s of jsonSchemas) {
    const id = typeof s.id === 'string' ? s.id : '(no id)';
    const shipped = schemaForUrl(id, vc);
    if (shipped) toRun.set(shipped.key, { schema: shipped, declaredAs: id });
    else notChecked.push(id);
  }
  // No shipped schema declared: the schema of the credential's type applies (OB 3.0 §Verification).
  if (toRun.size === 0) {
    const byType = schemaForType(stringsOf(vc.type), vc);
    if (byType) toRun.set(byType.key, { schema: byType });
  }

  const details: Record<string, unknown> = {};
  if (notChecked.length) details.notChecked = notChecked;
  if (unknownTypes.length) details.unsupportedTypes = unknownTypes;

  if (toRun.size) {
    const checked: string[] = [];
    for (const { schema, declaredAs } of toRun.values()) {
      const validate = await schema.load();
      checked.push(schema.name);
      if (!validate(schema.prepare ? schema.prepare(vc) : vc)) {
        const errors = validate.errors ?? [];
        const main = mainError(errors);
        return check('schema', 'SCHEMA_INVALID', `The credential does not conform to the ${schema.name}: ${main?.text ?? 'it does not match'}`, {
          ...details,
          schema: schema.name,
          ...(declaredAs ? { schemaId: declaredAs } : {}),
          ...(main?.missing ? { missing: main.missing } : {}),
          errors: errors.slice(0, 5).map(({ instancePath, schemaPath, keyword, params, message }) => ({ instancePath, schemaPath, keyword, params, message })),
        });
      }
    }
    const extra = notChecked.length ? `; ${listed(notChecked, 'the declared schema', 'the declared schemas')} ${notChecked.length > 1 ? 'were' : 'was'} not checked (not shipped with Credlens)` : '';
    return check('schema', 'SCHEMA_VALID', `Conforms to the ${checked.join(' and the ')}${extra}`, { ...details, schema: checked.join('; ') });
  }
  if (unknownTypes.length) return check('schema', 'SCHEMA_UNSUPPORTED', `The credential names schemas of types Credlens does not know (${unknownTypes.join('; ')})`, details);
  if (notChecked.length) {
    return check('schema', 'SCHEMA_NOT_SHIPPED', `${listed(notChecked, 'The declared schema', 'The declared schemas')} ${notChecked.length > 1 ? 'are' : 'is'} not shipped with Credlens and cannot be compiled safely at run time, so ${notChecked.length > 1 ? 'they were' : 'it was'} not checked`, details);
  }
  return check('schema', 'SCHEMA_NONE', 'No JSON schema applies to this credential');
}
