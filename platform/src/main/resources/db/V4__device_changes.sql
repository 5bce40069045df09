-- selfreg lab platform, schema version 4: device changes appended, dm_device brought up to date from them later.
-- A device's save was an UPDATE of its dm_device row before the reply: on H2 that rewrote the row's leaf in every
-- index at each commit, the largest cost of a CMDMP reply (performance.md). Now the reply waits only for appends
-- (dm_event and dm_device_change, both at their tails); the store folds each endpoint's latest change into
-- dm_device later, on a connection of its own, and deletes the changes it folded. Reads see dm_device and the
-- changes not folded yet together, so nothing acknowledged is missing from them in between.
CREATE TABLE dm_device_change (
    event_id        BIGINT       PRIMARY KEY,
    endpoint        VARCHAR(512) NOT NULL,
    imei            VARCHAR(32),
    imsi            VARCHAR(32),
    app_key         VARCHAR(128),
    tml_type        VARCHAR(16),
    state           VARCHAR(16)  NOT NULL,
    lifetime        BIGINT       NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_update     TIMESTAMP WITH TIME ZONE NOT NULL,
    registration_id VARCHAR(64),
    app_key_known   BOOLEAN      NOT NULL,
    terminal_info   VARCHAR(8000) NOT NULL,
    dialect         VARCHAR(200)
);
-- the event whose change the row holds: a change folded in only over an older one, so that platforms sharing the
-- database, folding the same endpoint's changes in either order, end with its newest; 0 for rows stored before
ALTER TABLE dm_device ADD COLUMN last_event_id BIGINT DEFAULT 0 NOT NULL;
