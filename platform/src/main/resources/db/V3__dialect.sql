-- selfreg lab platform, schema version 3: the wire dialect each report, registration and message was seen in
-- (ct-zzhc-wire.md, cmcc-dm-wire.md), as the protocol's dialect code; NULL for what was stored before.
ALTER TABLE ct_registration ADD COLUMN dialect VARCHAR(200);
ALTER TABLE ct_rejection ADD COLUMN dialect VARCHAR(200);
ALTER TABLE dm_device ADD COLUMN dialect VARCHAR(200);
ALTER TABLE dm_event ADD COLUMN dialect VARCHAR(200);
