/**
 * `npm run check:api`: the web app's typed client (apps/web/src/api/schema.d.ts) is what the
 * services' route schemas say now. The gateway's merged OpenAPI document is built in this process
 * (scripts/api-document.ts): no database, broker or running service is needed.
 * `npm run check:api -- --write` regenerates the file instead.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { buildApiDocument } from './api-document.js';
import { WEB_API_SCHEMA_FILE, webApiSchema } from './web-api-schema.js';

const generated = await webApiSchema(await buildApiDocument());
if (process.argv.includes('--write')) {
  await writeFile(WEB_API_SCHEMA_FILE, generated);
  process.stdout.write(`wrote ${WEB_API_SCHEMA_FILE}\n`);
} else if (generated !== (await readFile(WEB_API_SCHEMA_FILE, 'utf8'))) {
  process.stderr.write(
    'apps/web/src/api/schema.d.ts does not match the API: regenerate it with ' +
      '`npm run check:api -- --write`\n',
  );
  process.exitCode = 1;
} else {
  process.stdout.write('apps/web/src/api/schema.d.ts matches the API\n');
}
