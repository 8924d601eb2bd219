import { loadConfig } from '@slotwise/platform/config';
import type { HttpApp } from '@slotwise/platform/http';
import type { z } from 'zod';
import * as auth from '../services/auth/src/index-for-tests.js';
import * as booking from '../services/booking/src/index-for-tests.js';
import * as business from '../services/business/src/index-for-tests.js';
import {
  mergeOpenApiDocuments,
  type OpenApiDocument,
} from '../services/gateway/src/docs/openapi-merge.js';
import * as payment from '../services/payment/src/index-for-tests.js';
import * as resource from '../services/resource/src/index-for-tests.js';

/**
 * Addresses nothing answers on. A service's container connects to nothing until it starts (its pg
 * pool is lazy, the RabbitMQ transport connects in the background, service tokens are fetched on
 * first call), so its app can be built with these and describe its routes with nothing running.
 */
const NOWHERE: Record<string, string> = {
  LOG_LEVEL: 'silent',
  DATABASE_URL: 'postgresql://nobody@127.0.0.1:9/none',
  AMQP_URL: 'amqp://127.0.0.1:9',
  AUTH_SERVICE_URL: 'http://127.0.0.1:9',
  AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks.json',
  // Booking's container makes its client of the resource service at once (it calls nobody yet).
  SERVICE_CLIENT_ID: 'api-document',
  SERVICE_CLIENT_SECRET: 'never-sent-to-anyone',
};

interface ServiceModule<Config, Container extends { stopSteps: { run(): unknown }[] }> {
  configSchema: z.ZodType<Config>;
  buildContainer(config: Config): Promise<Container>;
  buildApp(container: Container): Promise<HttpApp>;
}

/** A service's own OpenAPI document, from its app built with its real routes and schemas. */
async function serviceDocument<Config, Container extends { stopSteps: { run(): unknown }[] }>(
  name: string,
  module: ServiceModule<Config, Container>,
): Promise<OpenApiDocument> {
  const container = await module.buildContainer(loadConfig(name, module.configSchema, NOWHERE));
  try {
    const app = await module.buildApp(container);
    await app.ready();
    const document = app.swagger() as unknown as OpenApiDocument;
    await app.close();
    return document;
  } finally {
    for (const step of container.stopSteps) await step.run();
  }
}

/**
 * The gateway's merged OpenAPI document (GET /api/docs/openapi.json) built in this process: each
 * public service's document from its app, merged as the gateway merges them (the services in the
 * gateway's order). Nothing needs to run.
 */
export async function buildApiDocument(
  publicUrl = 'http://localhost:3000',
): Promise<OpenApiDocument> {
  const parts = [
    { name: 'auth', document: await serviceDocument('auth', auth) },
    { name: 'business', document: await serviceDocument('business', business) },
    { name: 'resource', document: await serviceDocument('resource', resource) },
    { name: 'booking', document: await serviceDocument('booking', booking) },
    { name: 'payment', document: await serviceDocument('payment', payment) },
  ];
  return mergeOpenApiDocuments(parts, publicUrl);
}
