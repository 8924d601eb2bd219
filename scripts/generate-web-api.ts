/**
 * Regenerates apps/web/src/api/schema.d.ts from a running gateway's merged OpenAPI document:
 * `npm start`, then `npm run generate:api -w apps/web` (or pass another document URL). Every
 * service must be up, or its part of the API is missing from the document.
 */
import { writeFile } from 'node:fs/promises';
import { WEB_API_SCHEMA_FILE, webApiSchema } from './web-api-schema.js';

const url = process.argv[2] ?? 'http://localhost:3000/api/docs/openapi.json';
const response = await fetch(url);
if (!response.ok) throw new Error(`${url} answered ${response.status}`);
const document = (await response.json()) as { info?: { description?: string } };
if (document.info?.description?.includes('Unavailable now')) {
  throw new Error(`some services are down: ${document.info.description}`);
}
await writeFile(WEB_API_SCHEMA_FILE, await webApiSchema(document));
process.stdout.write(`wrote ${WEB_API_SCHEMA_FILE}\n`);
