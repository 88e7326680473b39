/**
 * The OpenAPI 3.1 document served at `GET /openapi.json`. Its schemas describe the report of
 * docs/report.md; test/unit/server/openapi.test.ts validates real responses against them with ajv,
 * so a report field added without a schema change fails there.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const optionParameters = [
  { name: 'at', in: 'query', required: false, description: 'Verify as of this instant (ISO-8601); default now', schema: { type: 'string', examples: ['2026-11-28T00:00:00Z'] } },
  { name: 'profile', in: 'query', required: false, description: 'Hold the credential to a profile', schema: { type: 'string', enum: ['eu-microcredential'] } },
  { name: 'recipient', in: 'query', required: false, description: 'Who the credential should belong to: email:ADDRESS, did:DID or a URL', schema: { type: 'string' } },
  {
    name: 'trust',
    in: 'query',
    required: false,
    description: 'Names of configured trust lists to apply, comma-separated or repeated (default: every configured list)',
    schema: { type: 'string' },
  },
];

export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Credlens verification API',
      version,
      description:
        'Verifies learning credentials (Europass EDC, Open Badges 2.0 / 3.0, W3C VCs, SD-JWT VC, EBSI) and returns the same report as the credlens CLI and the <credlens-verifier> element. A credential that fails verification is a 200 with a report whose verdict says so; 4xx answers are for requests the server cannot read.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    paths: {
      '/v1/verify': {
        post: {
          operationId: 'verify',
          summary: 'Verify one credential',
          parameters: optionParameters,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  description: 'A credential (JSON-LD, OB 2.0 assertion, JWS JSON), or an envelope',
                  oneOf: [ref('UrlEnvelope'), ref('CredentialEnvelope'), { type: 'object' }],
                },
              },
              'application/jwt': { schema: { type: 'string', description: 'A compact JWT (VC-JWT, EBSI, VC-JOSE)' } },
              'application/dc+sd-jwt': { schema: { type: 'string', description: 'An SD-JWT VC, with disclosures and optional key binding' } },
              'text/plain': { schema: { type: 'string', description: 'A compact JWT, SD-JWT or JSON text' } },
              'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } },
              'image/svg+xml': { schema: { type: 'string', contentMediaType: 'image/svg+xml' } },
              'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } },
            },
          },
          responses: {
            '200': {
              description: 'The verification report; for a PDF, one report per credential found with where it was found',
              content: { 'application/json': { schema: { oneOf: [ref('VerificationReport'), { type: 'array', items: ref('LocatedReport') }] } } },
            },
            '400': problemResponse('The request cannot be read (an empty body, a bad option, an unknown trust list)'),
            '413': problemResponse('The body is larger than the configured limit'),
            '415': problemResponse('The media type is not accepted'),
            '503': problemResponse('The server is shutting down'),
          },
        },
      },
      '/v1/verify/batch': {
        post: {
          operationId: 'verifyBatch',
          summary: 'Verify many credentials; one result line per input as each finishes',
          parameters: optionParameters,
          requestBody: {
            required: true,
            content: {
              'application/x-ndjson': {
                schema: {
                  type: 'string',
                  description:
                    'One input per line: a JSON credential, a JSON string (a JWT, an SD-JWT or a URL), or an envelope { "url" | "credential", "id", "options" }. A line that is not JSON is read as text (a bare JWT).',
                },
              },
            },
          },
          responses: {
            '200': {
              description: 'NDJSON, one BatchLine per input line, in the order they finish',
              content: { 'application/x-ndjson': { itemSchema: ref('BatchLine'), schema: { type: 'string' } } },
            },
            '400': problemResponse('The body cannot be read or has no input line'),
            '413': problemResponse('The body or the number of lines is over the limit'),
            '415': problemResponse('The media type is not application/x-ndjson'),
          },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness and the state of the shared cache',
          responses: { '200': { description: 'The server is up', content: { 'application/json': { schema: ref('Health') } } } },
        },
      },
      '/metrics': {
        get: {
          operationId: 'metrics',
          summary: 'Prometheus metrics (text exposition format)',
          responses: { '200': { description: 'Metrics', content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
    },
    components: {
      schemas: {
        UrlEnvelope: {
          type: 'object',
          required: ['url'],
          additionalProperties: false,
          properties: { url: { type: 'string', format: 'uri' }, options: ref('Options') },
        },
        CredentialEnvelope: {
          type: 'object',
          required: ['credential'],
          additionalProperties: false,
          properties: { credential: { oneOf: [{ type: 'string' }, { type: 'object' }] }, options: ref('Options') },
        },
        Options: {
          type: 'object',
          additionalProperties: false,
          properties: {
            at: { type: 'string' },
            profile: { type: 'string', enum: ['eu-microcredential'] },
            recipient: { type: 'string' },
            trust: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
          },
        },
        Verdict: { type: 'string', enum: ['verified', 'warning', 'invalid', 'unverifiable'] },
        Check: {
          type: 'object',
          required: ['id', 'status', 'code', 'message'],
          additionalProperties: false,
          properties: {
            id: { type: 'string' },
            status: { type: 'string', enum: ['pass', 'fail', 'warn', 'skip'] },
            code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
            message: { type: 'string' },
            details: { type: 'object' },
          },
        },
        Party: {
          type: 'object',
          additionalProperties: false,
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            country: { type: 'string' },
            url: { type: 'string' },
            legalIdentifier: { type: 'string' },
            image: { type: 'string' },
            email: { type: 'string' },
          },
        },
        CredentialSummary: {
          type: 'object',
          required: ['types'],
          additionalProperties: false,
          properties: {
            id: { type: 'string' },
            types: { type: 'array', items: { type: 'string' } },
            title: { type: 'string' },
            description: { type: 'string' },
            image: { type: 'string' },
            issuer: ref('Party'),
            subject: ref('Party'),
            issued: { type: 'string' },
            validFrom: { type: 'string' },
            validUntil: { type: 'string' },
            achievement: {
              type: 'object',
              additionalProperties: false,
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                description: { type: 'string' },
                criteria: { type: 'string' },
                image: { type: 'string' },
                type: { type: 'string' },
              },
            },
            learningOutcomes: { type: 'array', items: { type: 'string' } },
            claims: { type: 'object' },
            evidence: {
              type: 'array',
              items: { type: 'object', additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' } } },
            },
          },
        },
        MicrocredentialProfile: {
          type: 'object',
          required: ['complete', 'elements', 'missing'],
          additionalProperties: false,
          properties: {
            complete: { type: 'boolean' },
            claimsMicrocredential: { type: 'boolean' },
            missing: { type: 'array', items: ref('MicrocredentialElement') },
            elements: {
              type: 'object',
              propertyNames: ref('MicrocredentialElement'),
              additionalProperties: {
                type: 'object',
                required: ['present', 'value'],
                additionalProperties: false,
                properties: { present: { type: 'boolean' }, value: true, source: { type: 'string' } },
              },
            },
          },
        },
        MicrocredentialElement: {
          type: 'string',
          enum: ['learner', 'title', 'issuerCountry', 'awardingBody', 'issued', 'learningOutcomes', 'workload', 'level', 'assessment', 'participation', 'qualityAssurance'],
        },
        VerificationReport: {
          type: 'object',
          required: ['verdict', 'format', 'checks', 'verifiedAt'],
          additionalProperties: false,
          properties: {
            verdict: ref('Verdict'),
            format: { type: 'string', enum: ['vc-di', 'vc-jwt', 'vc-jose', 'sd-jwt-vc', 'ob2-hosted', 'ob2-signed', 'edc', 'ebsi-jwt', 'unknown'] },
            checks: { type: 'array', items: ref('Check') },
            credential: ref('CredentialSummary'),
            microcredential: ref('MicrocredentialProfile'),
            registry: ref('RegistryFinding'),
            verifiedAt: { type: 'string', format: 'date-time' },
          },
        },
        RegistryFinding: {
          description: 'What the registry check found in the training registries the server was started with (credlens serve --registry; docs/registries.md).',
          type: 'object',
          required: ['outcome', 'claimed'],
          additionalProperties: false,
          properties: {
            outcome: { type: 'string', enum: ['listed', 'lapsed', 'not-listed'] },
            claimed: { type: 'array', items: { type: 'string' } },
            registry: {
              type: 'object',
              required: ['id', 'name'],
              additionalProperties: false,
              properties: { id: { type: 'string' }, name: { type: 'string' }, country: { type: 'string' }, fundingScheme: { type: 'string' } },
            },
            entry: {
              type: 'object',
              required: ['code', 'title', 'eligible', 'blocks'],
              additionalProperties: false,
              properties: {
                code: { type: 'string' },
                scheme: { type: 'string' },
                title: { type: 'string' },
                level: { type: 'object', additionalProperties: false, properties: { eqf: { type: 'integer', minimum: 1, maximum: 8 }, nqf: { type: 'string' } } },
                hours: { type: 'number' },
                ects: { type: 'number' },
                eligible: { type: 'boolean' },
                registeredFrom: { type: 'string' },
                registeredUntil: { type: 'string' },
                blocks: { type: 'integer' },
              },
            },
            block: { type: 'object', required: ['code', 'title'], additionalProperties: false, properties: { code: { type: 'string' }, title: { type: 'string' } } },
            matchedBy: { type: 'string' },
            providerIsIssuer: { type: 'boolean' },
          },
        },
        LocatedReport: {
          type: 'object',
          required: ['location', 'report'],
          additionalProperties: false,
          properties: {
            location: {
              type: 'object',
              required: ['kind'],
              properties: {
                kind: { type: 'string', enum: ['embedded-file', 'annotation-link', 'text-link', 'qr', 'document'] },
                page: { type: 'integer' },
                name: { type: 'string' },
                url: { type: 'string' },
              },
            },
            report: ref('VerificationReport'),
          },
        },
        BatchLine: {
          type: 'object',
          required: ['line'],
          additionalProperties: false,
          properties: {
            line: { type: 'integer', minimum: 1, description: 'The input line this result is for (1-based)' },
            id: { description: 'The id the input line carried, echoed' },
            report: ref('VerificationReport'),
            error: ref('Problem'),
          },
          oneOf: [{ required: ['report'] }, { required: ['error'] }],
        },
        Problem: {
          type: 'object',
          required: ['status', 'code', 'title'],
          additionalProperties: false,
          properties: {
            type: { type: 'string' },
            status: { type: 'integer', minimum: 400, maximum: 599 },
            code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
            title: { type: 'string' },
            detail: { type: 'string' },
          },
        },
        Health: {
          type: 'object',
          required: ['status', 'version', 'cache'],
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['ok'] },
            version: { type: 'string' },
            offline: { type: 'boolean' },
            cache: { type: 'string', enum: ['memory', 'redis-connected', 'redis-disconnected', 'off'] },
          },
        },
      },
    },
  };
}
