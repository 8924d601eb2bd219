import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the web app's typed client reads the API's types from (generated, committed). */
export const WEB_API_SCHEMA_FILE = fileURLToPath(
  new URL('../apps/web/src/api/schema.d.ts', import.meta.url),
);

const HEADER = `/**
 * Generated from the gateway's merged OpenAPI document (GET /api/docs/openapi.json) by
 * \`npm run generate:api -w apps/web\`; do not edit. e2e/web.test.ts fails when it drifts.
 */

`;

/**
 * Examples are left out of the types' comments: some are generated at random by the services'
 * schemas, and the file must be the same from one generation to the next.
 */
function withoutExamples(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'example' && key !== 'examples')
      .map(([key, inner]) => [key, withoutExamples(inner)]),
  );
}

/** The TypeScript source of the API's types, from the merged OpenAPI document. */
export async function webApiSchema(document: object): Promise<string> {
  const ast = await openapiTS(withoutExamples(document) as OpenAPI3, { alphabetize: true });
  return HEADER + astToString(ast);
}
