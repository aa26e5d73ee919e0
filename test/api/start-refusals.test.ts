import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../helpers/process.ts';

const SECRET = 's'.repeat(40);

describe('npm start with KB_DATABASE_URL stops with a sentence that says what is wrong', () => {
  it('without KB_SECRET and KB_ADMIN_TOKEN', async () => {
    await expect(startServerProcess({ KB_DATABASE_URL: 'postgres://kb@127.0.0.1:1/kb', KB_SECRET: '', KB_ADMIN_TOKEN: '' })).rejects.toThrow(
      /Server exited \(1\)[\s\S]*With KB_DATABASE_URL set, every node needs KB_SECRET .* and KB_ADMIN_TOKEN/,
    );
  });

  it('when the server cannot be reached', async () => {
    await expect(startServerProcess({ KB_DATABASE_URL: 'postgres://kb:pw@127.0.0.1:1/kb', KB_SECRET: SECRET, KB_ADMIN_TOKEN: 'admin-token-123456' })).rejects.toThrow(
      /Server exited \(1\)[\s\S]*Cannot reach PostgreSQL at 127\.0\.0\.1:1\/kb \(KB_DATABASE_URL\)/,
    );
  });
});
