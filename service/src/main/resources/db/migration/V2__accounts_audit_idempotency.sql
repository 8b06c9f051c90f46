-- People who sign in (SME owners, officers, administrators); passwords are stored only as hashes.
create table app_user (
    username      varchar(64)  primary key,
    password_hash varchar(255) not null,
    role          varchar(16)  not null,
    sme_id        varchar(64),
    constraint app_user_sme_has_firm check (role <> 'SME' or sme_id is not null)
);

-- Automated pipelines authenticate with an API key; only its SHA-256 is stored.
create table api_key (
    key_hash varchar(64) primary key,
    name     varchar(64) not null unique,
    role     varchar(16) not null
);

-- A retried call with the same Idempotency-Key returns the rating the first call made.
create table idempotency_key (
    principal    varchar(64)  not null,
    idem_key     varchar(128) not null,
    request_hash varchar(64)  not null,
    rating_id    varchar(36)  not null references rating (id),
    created_at   timestamp with time zone not null,
    primary key (principal, idem_key)
);

-- Append-only, hash-chained audit log: each entry's hash covers its content and the previous hash.
create table audit_entry (
    seq          bigint       primary key,
    at           timestamp with time zone not null,
    actor        varchar(64)  not null,
    action       varchar(32)  not null,
    subject_type varchar(32)  not null,
    subject_id   varchar(64)  not null,
    input_hash   varchar(64),
    versions     varchar(400),
    details      text,
    prev_hash    varchar(64)  not null,
    hash         varchar(64)  not null
);

-- One row that appenders lock, so that entries form a single chain even with several service instances.
create table audit_head (
    id        int         primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
