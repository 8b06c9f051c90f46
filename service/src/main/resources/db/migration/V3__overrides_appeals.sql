-- An officer's change to a rating's decision. The rating itself is never rewritten: the effective
-- decision is the rating's with the latest applied override on top.
create table rating_override (
    id               varchar(36)  primary key,
    rating_id        varchar(36)  not null references rating (id),
    requested_by     varchar(64)  not null,
    requested_at     timestamp with time zone not null,
    outcome          varchar(16),
    limit_cny        double precision,
    rate_discount_bp integer,
    reason           text         not null,
    status           varchar(24)  not null,
    decided_by       varchar(64),
    decided_at       timestamp with time zone,
    decision_note    text
);
create index rating_override_rating on rating_override (rating_id, requested_at);
create index rating_override_status on rating_override (status);

-- An SME contesting a rating: what it says is wrong, its evidence, and the officer's answer.
create table appeal (
    id                 varchar(36)  primary key,
    rating_id          varchar(36)  not null references rating (id),
    sme_id             varchar(64)  not null,
    opened_by          varchar(64)  not null,
    opened_at          timestamp with time zone not null,
    field              varchar(200) not null,
    claim              text         not null,
    evidence           text,
    status             varchar(16)  not null,
    resolved_by        varchar(64),
    resolved_at        timestamp with time zone,
    answer             text,
    corrected_rating_id varchar(36) references rating (id)
);
create index appeal_status on appeal (status, opened_at);
create index appeal_sme on appeal (sme_id, opened_at desc);
