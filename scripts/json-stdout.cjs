// Preloaded into the console server when its logs are JSON (`node --require ./json-stdout.cjs server.js`):
// every line the process writes that is not already a JSON object (Next.js's start-up banner, a
// library's warning) becomes one, so the whole output parses as JSON lines. The console's own log
// (lib/log.ts) writes JSON already and passes through untouched. Secrets from the environment are
// replaced in wrapped lines too.
'use strict';

const secrets = ['INFLUXDB_TOKEN', 'CONSOLE_ADMIN_PASSWORD', 'CONSOLE_VIEWER_PASSWORD', 'CONSOLE_SESSION_SECRET', 'CONSOLE_ALERT_WEBHOOK_URL']
  .map((name) => (process.env[name] || '').trim())
  .filter((value) => value.length >= 6);

function redact(text) {
  let out = text;
  for (const s of secrets) out = out.split(s).join('[redacted]');
  return out;
}

function wrap(stream, level) {
  const write = stream.write.bind(stream);
  let pending = '';
  const toLine = (line) => {
    const trimmed = line.replace(/\u001b\[[0-9;]*m/g, '').trim();
    if (!trimmed) return '';
    if (trimmed.startsWith('{')) {
      try {
        JSON.parse(trimmed);
        return `${trimmed}\n`;
      } catch {
        // not JSON after all: wrapped below
      }
    }
    return `${JSON.stringify({ time: new Date().toISOString(), level, service: 'homeiq-influx-console', message: redact(trimmed), source: 'process' })}\n`;
  };
  stream.write = (chunk, encoding, callback) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
    const lines = (pending + text).split('\n');
    pending = lines.pop() ?? '';
    const out = lines.map(toLine).join('');
    const cb = typeof encoding === 'function' ? encoding : callback;
    if (!out) {
      if (cb) process.nextTick(cb);
      return true;
    }
    return write(out, cb);
  };
  process.on('exit', () => {
    if (pending) write(toLine(pending));
  });
}

wrap(process.stdout, 'info');
wrap(process.stderr, 'error');
