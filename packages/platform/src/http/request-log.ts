import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One line per request, when it completes: method, route, status and duration, with the request
 * id under `requestId`. Health probes, metric scrapes and the routes marked `routineLog` come
 * every few seconds and are logged at debug, so they do not drown the traffic.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {
    // The completion line says everything the arrival line would.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const probe =
      request.url.startsWith('/health') ||
      request.url === '/metrics' ||
      request.routeOptions.config.routineLog === true;
    const line = {
      method: request.method,
      url: request.routeOptions.url ?? request.url.split('?')[0],
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log[probe ? 'debug' : 'info'](line, 'request completed');
  }
}
