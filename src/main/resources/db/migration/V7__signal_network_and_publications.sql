-- Who sits on which board, now and before: lets the network signals find an officer's other
-- companies through an index instead of scanning every company's governance.
create table company_officer (
    officer_key varchar(64)  not null,
    company_id  bigint       not null,
    name        varchar(300),
    role        varchar(64),
    since       date,
    until       date,
    primary key (officer_key, company_id)
);
create index company_officer_company_idx on company_officer (company_id);

-- Which company owns which: a parent named by country and number, known to Vigil or not (yet).
create table company_parent (
    company_id     bigint      primary key,
    parent_country char(2)     not null,
    parent_number  varchar(20) not null
);
create index company_parent_parent_idx on company_parent (parent_country, parent_number);

create index signal_event_code_idx on signal_event (code, effective_date);

-- Spring Modulith's event publication registry (schema v2 for PostgreSQL): the batches of signal
-- events a run recorded stay here until every listener has handled them, across restarts.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

alter table feed_run add column signal_events bigint not null default 0;
