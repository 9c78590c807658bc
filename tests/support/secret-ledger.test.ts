import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDirSinks, LEDGER_ENV, openLedger, recordDataDir, recordedDataDirs, recordedSecrets, recordSecret, scanForSecrets } from './secret-ledger';

const SECRET = 'c2VjcmV0LXRva2VuLXRoYXQtbXVzdC1uZXZlci1sZWFr_abcdefgh==';

describe('the suite-wide secret scan', () => {
  const saved = process.env[LEDGER_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[LEDGER_ENV];
    else process.env[LEDGER_ENV] = saved;
  });

  it('finds a recorded secret in an audit row and in a log line of a recorded data folder, and names where without the secret', () => {
    const ledger = mkdtempSync(join(tmpdir(), 'ledger-test-'));
    openLedger(ledger);
    process.env[LEDGER_ENV] = ledger;
    const data = mkdtempSync(join(tmpdir(), 'ledger-data-'));
    recordSecret(SECRET);
    recordSecret('another-secret-0123456789abcdef');
    recordDataDir(data);
    expect(recordedSecrets(ledger)).toHaveLength(2);
    expect(recordedDataDirs(ledger)).toEqual([data]);

    const db = new Database(join(data, 'console.db'));
    db.exec('CREATE TABLE audit_log (id INTEGER PRIMARY KEY, after_json TEXT)');
    db.prepare('INSERT INTO audit_log (after_json) VALUES (?)').run(JSON.stringify({ id: 'abc', description: 'ai5-writer' }));
    db.close();
    writeFileSync(join(data, 'console-server.log'), '{"level":"info","message":"request"}\n');
    expect(scanForSecrets(recordedSecrets(ledger), dataDirSinks(data))).toEqual([]);

    const leaky = new Database(join(data, 'console.db'));
    leaky.prepare('INSERT INTO audit_log (after_json) VALUES (?)').run(JSON.stringify({ token: SECRET }));
    leaky.close();
    writeFileSync(join(data, 'console-server.log'), `{"level":"warn","message":"token ${SECRET}"}\n`);
    const found = scanForSecrets(recordedSecrets(ledger), dataDirSinks(data));
    expect(found).toEqual([
      `token secret #1 of the ledger in ${join(data, 'console.db')} table audit_log`,
      `token secret #1 of the ledger in ${join(data, 'console-server.log')}`,
    ]);
    for (const f of found) expect(f).not.toContain(SECRET);
  });

  it('records nothing outside a ledgered run', () => {
    delete process.env[LEDGER_ENV];
    expect(() => recordSecret(SECRET)).not.toThrow();
  });
});
