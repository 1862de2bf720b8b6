-- The run store, version 2: each record's sealed journal line (its hash chain, see JournalChain),
-- kept as text because jsonb reorders keys and spacing, so no hash of `record` could ever match.
-- Null for records stored before this version: their runs read as "unchained (older format)".

ALTER TABLE run_records ADD COLUMN line text;
