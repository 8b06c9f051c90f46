-- The audit chain from here on (format 2): each entry's hash is an HMAC-SHA256 with a key kept outside
-- the database, over length-prefixed fields (no text can move from one field to the next), and a
-- rating's entry also holds the hash of the stored rating, so that verify rechecks what was decided.
-- Entries written before (format 1) keep their plain SHA-256 and are still verified as they were.
alter table audit_entry add column format smallint default 1 not null;
alter table audit_entry add column output_hash varchar(64);
alter table audit_entry add column key_id varchar(16);
