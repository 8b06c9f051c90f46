-- Ratings are written once and never updated; the request and versions make each reproducible.
create table rating (
    id              varchar(36)  primary key,
    sme_id          varchar(64)  not null,
    rated_at        timestamp with time zone not null,
    outcome         varchar(16)  not null,
    colour          varchar(16)  not null,
    pd              double precision not null,
    ruleset_version varchar(64)  not null,
    models_version  varchar(128) not null,
    factors_version varchar(64)  not null,
    input_hash      varchar(64)  not null,
    request_json    text         not null,
    rating_json     text         not null
);

create index rating_sme_rated_at on rating (sme_id, rated_at desc);
create index rating_outcome on rating (outcome);
