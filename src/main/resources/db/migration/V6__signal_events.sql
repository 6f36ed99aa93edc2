-- What changed on a company, in the catalogue's terms: one row per signal that fired.
-- The same change recorded again (a replayed extract) hits the unique index and is not stored twice.
create table signal_event (
    id             bigint generated always as identity primary key,
    company_id     bigint       not null,
    code           varchar(64)  not null,
    category       varchar(16)  not null,
    polarity       varchar(16)  not null,
    severity       varchar(16)  not null,
    old_value      varchar(2000),
    new_value      varchar(2000),
    effective_date date         not null,
    detected_at    timestamptz  not null default now(),
    source         varchar(32)  not null,
    extract        varchar(64)  not null,
    run_id         bigint       not null
);
create unique index signal_event_once_uq on signal_event (company_id, code, effective_date, coalesce(new_value, ''));
create index signal_event_company_idx on signal_event (company_id, effective_date desc);
