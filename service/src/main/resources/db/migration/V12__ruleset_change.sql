-- Rulesets proposed from the staging directory: compiled, passed their own cases, with their impact on the latest stored
-- requests (JSON), then approved by a second administrator or rejected. The last approved one is restored at start.
create table ruleset_change (
    id            varchar(36)  primary key,
    proposed_by   varchar(64)  not null,
    proposed_at   timestamp with time zone not null,
    directory     varchar(100) not null,
    version       varchar(200) not null,
    cases_passed  integer      not null,
    impact        text         not null,
    reason        text         not null,
    status        varchar(16)  not null,
    decided_by    varchar(64),
    decided_at    timestamp with time zone,
    decision_note text
);
create index ruleset_change_status on ruleset_change (status, decided_at);
