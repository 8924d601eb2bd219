// The container's health probe: `node /app/healthcheck.mjs /health/live` (the image's HEALTHCHECK)
// or `/health/ready` (compose's, so that `service_healthy` means "can take traffic"). Exits 0 when
// the service answers 200 on PORT (its default, from service.json, when unset). The images have
// no curl or wget: Node's own fetch does it.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? '/health/live';
const { port: defaultPort } = JSON.parse(
  readFileSync(new URL('./service.json', import.meta.url), 'utf8'),
);
// The container's own PORT, as the service reads it (this probe is no service: no config module).
// eslint-disable-next-line no-restricted-properties
const port = process.env.PORT || String(defaultPort);

try {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    signal: AbortSignal.timeout(2_500),
  });
  process.exitCode = response.status === 200 ? 0 : 1;
} catch {
  process.exitCode = 1;
}
