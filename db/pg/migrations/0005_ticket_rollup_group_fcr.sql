-- Custom SQL migration file, put your code below! --
-- ticket_day_dims gained replies_known and fcr (0004): rollups built before them hold zeros there, so they are marked
-- stale and the next report rebuilds them from the tickets table (db/pg/tickets/rollups.ts), as after a change of zone.
UPDATE rollup_state SET value = '' WHERE key = 'ticketTimeZone';
