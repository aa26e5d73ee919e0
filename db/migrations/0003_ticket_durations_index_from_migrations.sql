-- Custom SQL migration file, put your code below! --
-- Databases from before this migration may hold tickets_created_durations, made by their first report.
-- It is dropped here so the next migration (generated from db/schema/tickets.ts) creates it the same way everywhere.
DROP INDEX IF EXISTS `tickets_created_durations`;
