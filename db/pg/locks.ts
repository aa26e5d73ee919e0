/** Advisory lock keys, in one place so no two uses collide (the number spells "kb" and a purpose). */
export const LOCK = {
  /** Held (session lock) while one node applies migrations. */
  migrate: 0x6b620001,
  /** Held (transaction lock) by the one transaction applying event rollups (db/pg/rollups/applier.ts). */
  rollups: 0x6b620002,
  /** Held (transaction lock) while tickets are published and their rollups changed. */
  tickets: 0x6b620003,
  /** Held (transaction lock) while a node checks and records KB_TZ at start. */
  settings: 0x6b620004,
} as const;
