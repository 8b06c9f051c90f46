-- Ratings stored compactly. The request and the rating are kept as zlib-compressed UTF-8 JSON (about a
-- seventh of the text's size), read back byte for byte as the API answered them; what history and
-- referral lists show is in columns of its own, so that listing ratings never reads the JSON. V9
-- fills the new columns of existing ratings, V10 drops the JSON text columns.
alter table rating add column request_deflated bytea;
alter table rating add column rating_deflated bytea;
alter table rating add column green_score integer;
alter table rating add column green_grade varchar(8);
alter table rating add column carbon_efficiency_level integer;
alter table rating add column credit_grade varchar(8);
alter table rating add column limit_cny double precision;
alter table rating add column rate_discount_bp integer;

-- Why an officer must look at a referred rating, one row per reason in the rating's order: the referral
-- queue filters on them.
create table rating_referral_reason (
    rating_id varchar(36) not null references rating (id),
    ordinal   smallint    not null,
    reason    varchar(64) not null,
    primary key (rating_id, ordinal)
);

create index rating_referral_reason_by_reason on rating_referral_reason (reason, rating_id);
