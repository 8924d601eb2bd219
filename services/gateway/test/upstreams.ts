import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface EchoUpstream {
  url: string;
  hits: number;
  /**
   * 'up' echoes; 'hang' accepts and never answers; 'fail' answers 503 to readiness; 'slow'
   * answers after 300 ms, and sends its body in two parts 300 ms apart.
   */
  mode: 'up' | 'hang' | 'fail' | 'slow';
  close(): Promise<void>;
}

/** A real HTTP server standing in for a service: echoes what the gateway sent it. */
export async function startEchoUpstream(name: string): Promise<EchoUpstream> {
  const sockets = new Set<Socket>();
  const state: EchoUpstream = {
    url: '',
    hits: 0,
    mode: 'up',
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (state.mode === 'hang') return;
      if (request.url === '/health/ready') {
        response.writeHead(state.mode === 'fail' ? 503 : 200, {
          'content-type': 'application/json',
        });
        response.end(JSON.stringify({ status: state.mode === 'fail' ? 'down' : 'ok' }));
        return;
      }
      if (request.url === '/openapi.json') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            openapi: '3.1.0',
            info: { title: name, version: '1' },
            paths: {
              [`/api/${name}/things`]: { get: { summary: `list ${name} things` } },
              '/internal/secret': { get: { summary: 'internal only' } },
            },
            components: { schemas: { [`${name}Thing`]: { type: 'object' } } },
          }),
        );
        return;
      }
      state.hits += 1;
      if (state.mode === 'slow') {
        setTimeout(() => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.write('{"data":');
          setTimeout(() => response.end('"slow"}'), 300);
        }, 300);
        return;
      }
      response.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': ['a=1; Path=/', 'b=2; Path=/'],
      });
      response.end(
        JSON.stringify({
          data: {
            service: name,
            instance: state.url,
            method: request.method,
            url: request.url,
            headers: request.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          },
        }),
      );
    });
  };
  const server: Server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** A URL nothing listens on: connections are refused. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}
