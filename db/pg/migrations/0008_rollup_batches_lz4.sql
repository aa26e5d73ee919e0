-- A queued batch keeps its events' JSON text (10-20 kB for a batch of 60), and PostgreSQL compresses every such value
-- as it stores it: with its default pglz that was 6 µs of the server's CPU per event ingested, with lz4 under 2 µs
-- (bench/results/pg.md). Only values stored from now on change; a server built without lz4 keeps pglz.
DO $$
BEGIN
	ALTER TABLE "rollup_batches" ALTER COLUMN "events" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
	RAISE NOTICE 'This PostgreSQL was built without lz4: rollup_batches.events stays compressed with pglz.';
END $$;
