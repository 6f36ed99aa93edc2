-- A tenant's scorecard (its variables, weights, ranges and points, as its admin edited them; absent: the default),
-- each customer's score, grade and limit advice, and every change of a score.
create table receivable_scorecard (
    tenant_id   uuid         primary key references tenant (id),
    doc         jsonb        not null,
    updated_by  varchar(320),
    updated_at  timestamptz  not null default now()
);

-- A customer's score as the last computation left it; contributions: points each variable added (null: no value).
create table receivable_score (
    tenant_id      uuid           not null references tenant (id),
    customer_key   varchar(100)   not null,
    company_id     bigint,
    entry_id       bigint,
    score          integer        not null check (score between 0 and 100),
    grade          char(1)        not null,
    contributions  jsonb          not null,
    advised_limit  numeric(19, 2),
    advice_basis   varchar(16),
    advice_args    text[]         not null default '{}',
    computed_at    timestamptz    not null,
    primary key (tenant_id, customer_key)
);

create table receivable_score_change (
    id            bigint generated always as identity primary key,
    tenant_id     uuid          not null references tenant (id),
    customer_key  varchar(100)  not null,
    changed_on    date          not null,
    old_score     integer,
    new_score     integer       not null,
    old_grade     char(1),
    new_grade     char(1)       not null,
    main_variable varchar(32),
    created_at    timestamptz   not null default now()
);
create index receivable_score_change_customer_idx on receivable_score_change (tenant_id, customer_key, id desc);
