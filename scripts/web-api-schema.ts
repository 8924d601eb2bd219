import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the web app's typed client reads the API's types from (generated, committed). */
export const WEB_API_SCHEMA_FILE = fileURLToPath(
  new URL('../apps/web/src/api/schema.d.ts', import.meta.url),
);

const HEADER = `/**
 * Generated from the gateway's merged OpenAPI document (GET /api/docs/openapi.json) by
 * \`npm run check:api -- --write\`; do not edit. \`npm run check:api\` fails when it drifts.
 */

`;

/** The TypeScript source of the API's types, from the merged OpenAPI document. */
export async function webApiSchema(document: object): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { alphabetize: true });
  return HEADER + astToString(ast);
}
