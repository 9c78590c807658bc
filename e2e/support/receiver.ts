import { createServer } from 'node:http';

/**
 * A webhook receiver for the alert tests: POST /hook is kept and answered 204; GET /received lists
 * what was kept. Started by the Playwright config in its main process, it ends with that process.
 */
export function startReceiver(port: number): void {
  const received: unknown[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/received') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(received));
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      try {
        received.push(JSON.parse(body));
      } catch {
        received.push(body);
      }
      res.writeHead(204).end();
    });
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
