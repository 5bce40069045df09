-- selfreg lab platform, schema version 2: identities handed out in blocks of 1024. Run on H2 only (SchemaMigrations).
-- H2 writes a sequence's position with a commit of its own each time its cache (32 by default) runs out,
-- which stores every changed page a second time: under load that was a quarter of the writer's work.
-- A restart skips the rest of a block; ids stay unique and increasing.
ALTER TABLE ct_registration ALTER COLUMN id SET CACHE 1024;
ALTER TABLE ct_rejection ALTER COLUMN id SET CACHE 1024;
ALTER TABLE dm_event ALTER COLUMN id SET CACHE 1024;
