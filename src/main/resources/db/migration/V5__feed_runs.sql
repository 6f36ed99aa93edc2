-- Every ingestion of a feed extract, and the rows it could not take.
create table feed_run (
    id                bigint generated always as identity primary key,
    source            varchar(32)  not null,
    file_name         varchar(300) not null,
    file_path         varchar(1000),
    file_sha256       varchar(64)  not null,
    extract_number    integer,
    extract_type      varchar(16),
    snapshot_date     date,
    status            varchar(16)  not null,
    forced            boolean      not null default false,
    triggered_by      varchar(320) not null,
    created_at        timestamptz  not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    heartbeat_at      timestamptz,
    rows_read         bigint       not null default 0,
    rows_applied      bigint       not null default 0,
    rows_rejected     bigint       not null default 0,
    companies_changed bigint       not null default 0,
    companies_new     bigint       not null default 0,
    companies_left    bigint       not null default 0,
    error             varchar(4000)
);
create index feed_run_source_idx on feed_run (source, id desc);

create table feed_quarantine (
    id        bigint generated always as identity primary key,
    run_id    bigint        not null references feed_run (id),
    file_name varchar(200)  not null,
    line      bigint        not null,
    raw       varchar(4000) not null,
    reason    varchar(1000) not null
);
create index feed_quarantine_run_idx on feed_quarantine (run_id, id);
