import { createServer, connect, type Server, type Socket } from 'node:net';

/** One client connection and the upstream connection it is forwarded to. */
interface Link {
  client: Socket;
  upstream: Socket;
}

/**
 * A TCP proxy between the api and its database that a test can break the way networks break:
 * `cut()` resets every connection and refuses new ones for a while (a database restart, a failover, a
 * dropped NAT entry); `stall()` stops forwarding in both directions without closing anything (a black-holed
 * route, a frozen server), until `resume()` lets everything through again.
 */
export class TcpProxy {
  private readonly links = new Set<Link>();
  private refusingUntil = 0;
  private stalled = false;
  /** Connections accepted during a stall: they reach the database only once it ends. */
  private waiting: Socket[] = [];
  /** Closes seen during a stall: passed on only once it ends, as a black hole would. */
  private deferredCloses: Link[] = [];

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server, target);
    server.on('connection', (socket) => proxy.accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('the proxy is not listening');
    return address.port;
  }

  /** Open client connections. */
  get connections(): number {
    return this.links.size + this.waiting.length;
  }

  /** Resets every connection (RST, as a restarted server's host answers) and resets new ones for `refuseMs`. */
  cut(refuseMs: number): void {
    this.refusingUntil = Date.now() + refuseMs;
    for (const link of [...this.links]) this.drop(link);
    for (const socket of this.waiting) socket.resetAndDestroy();
    this.waiting = [];
  }

  /** Stops forwarding: bytes stay where they are, nothing is closed, new connections wait. */
  stall(): void {
    this.stalled = true;
    for (const { client, upstream } of this.links) {
      client.pause();
      upstream.pause();
    }
  }

  /** Ends a stall: what was held back flows, deferred closes happen, waiting connections go through. */
  resume(): void {
    this.stalled = false;
    for (const { client, upstream } of this.links) {
      client.resume();
      upstream.resume();
    }
    for (const link of this.deferredCloses) this.drop(link);
    this.deferredCloses = [];
    const waiting = this.waiting;
    this.waiting = [];
    for (const socket of waiting) this.forward(socket);
  }

  async close(): Promise<void> {
    this.resume();
    for (const link of [...this.links]) this.drop(link);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(socket: Socket): void {
    socket.on('error', () => undefined);
    if (Date.now() < this.refusingUntil) {
      socket.resetAndDestroy();
      return;
    }
    if (this.stalled) {
      socket.pause();
      this.waiting.push(socket);
      socket.once('close', () => (this.waiting = this.waiting.filter((s) => s !== socket)));
      return;
    }
    this.forward(socket);
  }

  private forward(client: Socket): void {
    if (client.destroyed) return;
    const upstream = connect(this.target.port, this.target.host);
    const link: Link = { client, upstream };
    this.links.add(link);
    upstream.on('error', () => undefined);
    // Written by hand rather than piped: pipe() resumes a paused source on drain, which would end a stall.
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => client.write(chunk));
    const closed = () => (this.stalled ? this.deferredCloses.push(link) : this.drop(link));
    client.once('close', closed);
    upstream.once('close', closed);
  }

  private drop(link: Link): void {
    if (!this.links.delete(link)) return;
    link.client.resetAndDestroy();
    link.upstream.resetAndDestroy();
  }
}
