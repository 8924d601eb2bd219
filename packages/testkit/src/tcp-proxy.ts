import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy a test can cut, to make a broker or a database "go down" for the clients behind it
 * without touching the shared server: `cut()` destroys every open connection and refuses new ones
 * (accepted, then reset at once) until `restore()`.
 */
export interface TcpProxy {
  /** `127.0.0.1:<port>` clients should connect to. */
  readonly host: string;
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string;
  cut(): void;
  restore(): void;
  readonly isCut: boolean;
  /** Connections currently open through the proxy. */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let cut = false;

  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A reset peer is the point of the exercise, not a test failure.
    socket.on('error', () => undefined);
  };

  const server: Server = createServer((client) => {
    track(client);
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('Proxy has no port');
  const port = address.port;

  return {
    host: '127.0.0.1',
    port,
    rewrite(url: string): string {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    cut(): void {
      cut = true;
      for (const socket of sockets) socket.resetAndDestroy();
    },
    restore(): void {
      cut = false;
    },
    get isCut(): boolean {
      return cut;
    },
    get connections(): number {
      return sockets.size;
    },
    close(): Promise<void> {
      cut = true;
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
