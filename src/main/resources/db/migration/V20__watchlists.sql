-- A tenant's watchlists (portfolios) and their entries. An entry names a company by its canonical
-- (country, number); company_id stays null ("pending") until a feed brings that company.

create table watchlist (
    id          uuid primary key,
    tenant_id   uuid         not null references tenant (id),
    name        varchar(200) not null,
    created_by  varchar(320) not null,
    created_at  timestamptz  not null
);
create unique index watchlist_name_uq on watchlist (tenant_id, lower(name));

-- One upload (browser or API): what it was, how far it got, and its outcome counts.
create table watchlist_import (
    id            uuid primary key,
    tenant_id     uuid          not null references tenant (id),
    watchlist_id  uuid          not null references watchlist (id) on delete cascade,
    file_name     varchar(300)  not null,
    stored_file   varchar(500),
    uploaded_by   varchar(320)  not null,
    uploader_id   uuid,
    language      varchar(5)    not null,
    status        varchar(16)   not null,
    header        text,
    mapping       varchar(500),
    rows_total    integer       not null default 0,
    accepted      integer       not null default 0,
    pending       integer       not null default 0,
    rejected      integer       not null default 0,
    duplicates    integer       not null default 0,
    error         varchar(2000),
    created_at    timestamptz   not null,
    finished_at   timestamptz
);
create index watchlist_import_watchlist_idx on watchlist_import (watchlist_id, created_at desc);

-- Rows of an import that did not become entries: rejected (with the reason) or duplicates.
create table watchlist_import_row (
    import_id  uuid          not null references watchlist_import (id) on delete cascade,
    row_no     integer       not null,
    outcome    varchar(16)   not null,
    value      varchar(500)  not null,
    reason     varchar(32)   not null,
    detail     varchar(1000) not null,
    cells      text          not null,
    primary key (import_id, row_no)
);

create table watchlist_entry (
    id                bigint generated always as identity primary key,
    tenant_id         uuid          not null,
    watchlist_id      uuid          not null references watchlist (id) on delete cascade,
    country           char(2)       not null,
    number            varchar(20)   not null,
    company_id        bigint,
    reference         varchar(100),
    relationship      varchar(16)   not null,
    credit_limit      numeric(19, 2),
    limit_currency    char(3),
    exposure          numeric(19, 2),
    exposure_currency char(3),
    owner_id          uuid,
    tags              text[]        not null default '{}',
    import_id         uuid,
    import_row        integer,
    import_value      varchar(500),
    newly_watched     boolean       not null default false,
    added_at          timestamptz   not null default now(),
    constraint watchlist_entry_once_uq unique (watchlist_id, country, number)
);
create index watchlist_entry_tenant_company_idx on watchlist_entry (tenant_id, company_id);
create index watchlist_entry_pending_idx on watchlist_entry (country, number) where company_id is null;
create index watchlist_entry_import_idx on watchlist_entry (import_id);
create index watchlist_entry_added_idx on watchlist_entry (watchlist_id, added_at, id);

-- Each company's traffic light, from its signal events; kept by the watchlist module, shared by tenants.
create table company_light (
    company_id      bigint       primary key,
    light           varchar(8)   not null,
    code            varchar(64),
    effective_date  date,
    -- when the latest negative event was detected: an entry added before it "has alerts"
    negative_detected_at timestamptz,
    computed_at     timestamptz  not null default now()
);
