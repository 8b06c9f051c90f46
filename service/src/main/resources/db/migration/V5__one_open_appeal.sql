-- One open appeal per rating, kept by the database rather than by a check before the insert (two
-- simultaneous appeals both passed the check). open_rating_id holds the rating's id while the appeal
-- is open and is cleared when it is resolved; a unique index on it admits any number of resolved
-- appeals (NULL) and one open one. The same on H2 and PostgreSQL (a partial index would be PostgreSQL's
-- own way).
alter table appeal add column open_rating_id varchar(36);

-- Appeals opened twice before this migration: the earliest stays the open one of its rating.
update appeal a set open_rating_id = a.rating_id
where a.status = 'OPEN'
  and not exists (select 1 from appeal b
                  where b.rating_id = a.rating_id and b.status = 'OPEN'
                    and (b.opened_at < a.opened_at or (b.opened_at = a.opened_at and b.id < a.id)));

create unique index appeal_one_open_per_rating on appeal (open_rating_id);
