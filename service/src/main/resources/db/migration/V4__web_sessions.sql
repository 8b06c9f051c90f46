-- Sign-in sessions of the web pages: an opaque bearer token, stored only as its SHA-256, with an expiry.
create table web_session (
    token_hash varchar(64) primary key,
    username   varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
create index web_session_expiry on web_session (expires_at);
