-- What the champion/challenger comparison reads without opening the rating JSON: the scorecard that decided, the
-- challenger's shadow score (null when none ran), and the firm's groups of the fairness report
-- ("region=...;sizeClass=...;thinFile=...;farm=..."). Ratings made before this migration have none of them and are
-- left out of comparisons.
alter table rating add column credit_model varchar(100);
alter table rating add column challenger_model varchar(100);
alter table rating add column challenger_pd double precision;
alter table rating add column challenger_grade varchar(8);
alter table rating add column fairness_groups varchar(200);
create index rating_by_models on rating (challenger_model, credit_model);

-- A loan's observed outcome, recorded against the rating it was granted on: what comparisons and calibration read.
-- Recorded again, it replaces the earlier record (the audit chain keeps both).
create table loan_outcome (
    rating_id   varchar(36) primary key references rating (id),
    defaulted   boolean     not null,
    observed_on date        not null,
    recorded_by varchar(64) not null,
    recorded_at timestamp with time zone not null
);

-- Changes of the active models: proposed by one administrator, approved or rejected by another (four eyes).
create table model_change (
    id            varchar(36)  primary key,
    proposed_by   varchar(64)  not null,
    proposed_at   timestamp with time zone not null,
    champion      varchar(100) not null,
    thin_file     varchar(100) not null,
    challenger    varchar(100),
    reason        text         not null,
    status        varchar(16)  not null,
    decided_by    varchar(64),
    decided_at    timestamp with time zone,
    decision_note text
);
create index model_change_status on model_change (status, proposed_at);
