-- The tenant's own receivables: the open items and payments of its ERP, the figures Vigil derives per customer,
-- and signals that belong to one tenant only.

-- A signal event about a tenant's own ledger (receivables) names its tenant; registry events have none and are
-- everybody's. A tenant's event is fanned out to that tenant only and never colours the shared traffic light.
alter table signal_event add column tenant_id uuid;
drop index signal_event_once_uq;
create unique index signal_event_once_uq
    on signal_event (company_id, code, effective_date, coalesce(new_value, ''), md5(coalesce(old_value, '')),
                     coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid));
create index signal_event_tenant_idx on signal_event (tenant_id, company_id) where tenant_id is not null;

-- The tenant's reporting currency and the rates into it (units of the tenant's currency for one unit of the other),
-- sent with the items by the API or entered with an upload.
create table receivable_setting (
    tenant_id  uuid        primary key references tenant (id),
    currency   char(3)     not null default 'EUR'
);

create table receivable_rate (
    tenant_id  uuid           not null references tenant (id),
    currency   char(3)        not null,
    rate       numeric(19, 8) not null check (rate > 0),
    as_of      date           not null,
    primary key (tenant_id, currency)
);

-- One load: a full snapshot (items absent from it are closed) or a delta (only the items it carries change).
create table receivable_load (
    id          bigint generated always as identity primary key,
    tenant_id   uuid         not null references tenant (id),
    source      varchar(16)  not null,
    mode        varchar(16)  not null,
    as_of       date         not null,
    received    integer      not null default 0,
    inserted    integer      not null default 0,
    updated     integer      not null default 0,
    unchanged   integer      not null default 0,
    closed      integer      not null default 0,
    rejected    integer      not null default 0,
    loaded_by   varchar(320),
    created_at  timestamptz  not null default now()
);
create index receivable_load_tenant_idx on receivable_load (tenant_id, id desc);

-- An open item or a payment, once per tenant and document number. Invoices are positive; credit notes and payments
-- are kept negative whatever sign the ERP wrote. An item is open while it has no paid date.
create table receivable_item (
    tenant_id       uuid          not null references tenant (id),
    document_no     varchar(64)   not null,
    customer_ref    varchar(100),
    country         char(2),
    number          varchar(20),
    customer_key    varchar(100)  not null,
    doc_type        varchar(12)   not null,
    document_date   date          not null,
    due_date        date          not null,
    amount          numeric(19, 2) not null,
    currency        char(3)       not null,
    paid_date       date,
    closed_by_load  bigint,
    load_id         bigint        not null,
    updated_at      timestamptz   not null default now(),
    primary key (tenant_id, document_no)
);
create index receivable_item_customer_idx on receivable_item (tenant_id, customer_key);
create index receivable_item_open_idx on receivable_item (tenant_id) where paid_date is null;

-- Each customer's figures as the last load left them, in the tenant's currency; entry_id null: no watchlist entry of
-- the tenant has this reference or company number (its items are listed to fix).
create table receivable_figure (
    tenant_id          uuid           not null references tenant (id),
    customer_key       varchar(100)   not null,
    customer_ref       varchar(100),
    country            char(2),
    number             varchar(20),
    company_id         bigint,
    entry_id           bigint,
    currency           char(3)        not null,
    outstanding        numeric(19, 2) not null,
    not_due            numeric(19, 2) not null,
    overdue_1_30       numeric(19, 2) not null,
    overdue_31_60      numeric(19, 2) not null,
    overdue_61_90      numeric(19, 2) not null,
    overdue_over_90    numeric(19, 2) not null,
    max_days_overdue   integer        not null,
    dbt                numeric(9, 1),
    dbt_trend          numeric(9, 1),
    dso                numeric(9, 1),
    on_time_share      numeric(5, 4),
    paid_12m           integer        not null default 0,
    largest_overdue_no varchar(64),
    largest_overdue    numeric(19, 2),
    credit_limit       numeric(19, 2),
    utilisation        numeric(9, 4),
    months_on_time     integer        not null default 0,
    missing_rates      text[]         not null default '{}',
    computed_at        timestamptz    not null,
    load_id            bigint         not null,
    primary key (tenant_id, customer_key)
);
create index receivable_figure_company_idx on receivable_figure (tenant_id, company_id);

-- A customer's figures by day, for trends (DBT three months ago, outstanding over a year).
create table receivable_figure_history (
    tenant_id     uuid           not null references tenant (id),
    customer_key  varchar(100)   not null,
    as_of         date           not null,
    outstanding   numeric(19, 2) not null,
    overdue       numeric(19, 2) not null,
    dbt           numeric(9, 1),
    dso           numeric(9, 1),
    primary key (tenant_id, customer_key, as_of)
);
