import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';

describe('GET /api/health', () => {
  let t: TempDb;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.cleanup());

  it('answers ok when the database answers', async () => {
    const app = createApp({ store: t.store, config: t.config, adminToken: 'test-admin-token-123456' });
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers unknown API paths with the JSON error envelope', async () => {
    const app = createApp({ store: t.store, config: t.config, adminToken: 'test-admin-token-123456' });
    const res = await app.request('/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
