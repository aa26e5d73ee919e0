import { describe, expect, it } from 'vitest';
import { checkServerConfig, loadConfig } from '../../api/env.ts';

const SECRET = 'a'.repeat(32);

describe('configuration for several nodes (SPEC 9)', () => {
  it('takes a PostgreSQL URL and a secret of at least 32 characters', () => {
    const c = loadConfig({ KB_DATABASE_URL: 'postgres://kb:pw@db.internal:5432/kb', KB_SECRET: SECRET, KB_ADMIN_TOKEN: 'admin-token-123456' });
    expect(c.databaseUrl).toBe('postgres://kb:pw@db.internal:5432/kb');
    expect(c.secret).toBe(SECRET);
    expect(() => checkServerConfig(c)).not.toThrow();
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('refuses a URL that is not PostgreSQL and a short secret, naming each variable', () => {
    expect(() => loadConfig({ KB_DATABASE_URL: 'mysql://db/kb' })).toThrow(/KB_DATABASE_URL: must be a PostgreSQL URL/);
    expect(() => loadConfig({ KB_SECRET: 'short' })).toThrow(/KB_SECRET: must be at least 32 characters/);
  });

  it('refuses to serve from PostgreSQL without KB_SECRET or KB_ADMIN_TOKEN, saying which and why', () => {
    const url = 'postgres://kb@127.0.0.1:5432/kb';
    expect(() => checkServerConfig(loadConfig({ KB_DATABASE_URL: url }))).toThrow(
      /^With KB_DATABASE_URL set, every node needs KB_SECRET .* and KB_ADMIN_TOKEN .*; a token made on one node would not be valid on the others\.$/,
    );
    expect(() => checkServerConfig(loadConfig({ KB_DATABASE_URL: url, KB_SECRET: SECRET }))).toThrow(/needs KB_ADMIN_TOKEN/);
    expect(() => checkServerConfig(loadConfig({ KB_DATABASE_URL: url, KB_ADMIN_TOKEN: 'admin-token-123456' }))).toThrow(/needs KB_SECRET/);
  });

  it('asks nothing more of a SQLite server', () => {
    expect(() => checkServerConfig(loadConfig({}))).not.toThrow();
  });
});
