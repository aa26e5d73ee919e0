/** Real delivery targets for contact tests: an HTTP webhook receiver and an SMTP server, both on free local ports. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface Receiver {
  url: string;
  port: number;
  /** Every request that reached it, in order (whatever it answered). */
  requests: Received[];
  /** Status the next requests are answered with. */
  status: number;
  close(): Promise<void>;
}

/** An HTTP receiver on `port` (0: any free port) answering `status` to every POST. */
export async function startReceiver(port = 0, status = 200): Promise<Receiver> {
  const requests: Received[] = [];
  let server: Server;
  const receiver: Receiver = {
    url: '',
    port: 0,
    requests,
    status,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(receiver.status, { 'Content-Type': 'text/plain' }).end(receiver.status < 300 ? 'ok' : 'down for maintenance');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}/hooks/kb`;
  return receiver;
}

export interface Mailbox {
  url: string;
  messages: Array<{ from: string; to: string[]; raw: string }>;
  close(): Promise<void>;
}

/** A local SMTP server without TLS or auth that keeps every accepted message. */
export async function startSmtp(): Promise<Mailbox> {
  const messages: Mailbox['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const env = session.envelope;
        messages.push({
          from: env.mailFrom ? env.mailFrom.address : '',
          to: env.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
