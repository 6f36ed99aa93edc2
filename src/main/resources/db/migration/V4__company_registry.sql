-- Vigil's own copy of every company a feed told it about: reference data shared by all tenants.
-- A company's state is a set of sections (identity, status, ...), each filled by one source
-- independently and remembering its source, extract and as-of date.

create table company (
    id           bigint generated always as identity primary key,
    country      char(2)     not null,
    number       varchar(20) not null,
    first_run_id bigint,
    created_at   timestamptz not null default now(),
    constraint company_identity_uq unique (country, number)
);

-- No foreign key to company: only the feed engine writes here, always after creating the company,
-- and a per-row referential check would cost more than the rest of a national bulk load.
create table company_section (
    company_id  bigint      not null,
    section     varchar(24) not null,
    doc         json        not null,
    doc_hash    bigint      not null,
    source      varchar(32) not null,
    extract     varchar(64) not null,
    as_of       date        not null,
    run_id      bigint      not null,
    updated_at  timestamptz not null default now(),
    primary key (company_id, section)
);

-- Every version a section had before the current one: what changed when.
create table company_section_history (
    company_id      bigint      not null,
    section         varchar(24) not null,
    doc             json        not null,
    doc_hash        bigint      not null,
    source          varchar(32) not null,
    extract         varchar(64) not null,
    as_of           date        not null,
    run_id          bigint      not null,
    replaced_at     timestamptz not null default now(),
    replaced_by_run bigint      not null
);
create index company_section_history_idx on company_section_history (company_id, section, replaced_at);

-- Which enterprise a KBO establishment unit belongs to (updates name establishments only by their own number).
create table kbo_establishment (
    establishment_number bigint primary key,
    enterprise_number    bigint not null,
    start_date           date
);
create index kbo_establishment_enterprise_idx on kbo_establishment (enterprise_number);

-- Code descriptions of a source (KBO code.csv): legal forms, juridical situations, NACE codes, in FR/NL/DE.
create table reference_code (
    source      varchar(32)  not null,
    category    varchar(64)  not null,
    code        varchar(32)  not null,
    language    varchar(2)   not null,
    description varchar(1000) not null,
    primary key (source, category, code, language)
);

