-- Alerting: a tenant's rules, the alerts they raise, their comments, people's silences and delivery choices,
-- and the mail outbox that delivers them exactly once.

-- A rule: which signal events (match), on which watched companies (scope), to whom (recipients), how (delivery).
-- An empty array means "any".
create table alert_rule (
    id                uuid primary key,
    tenant_id         uuid          not null references tenant (id),
    name              varchar(200)  not null,
    enabled           boolean       not null default true,
    signals           text[]        not null default '{}',
    categories        text[]        not null default '{}',
    polarities        text[]        not null default '{}',
    min_severity      varchar(16)   not null default 'info',
    watchlists        uuid[]        not null default '{}',
    relationships     text[]        not null default '{}',
    tags              text[]        not null default '{}',
    owners            uuid[]        not null default '{}',
    min_exposure      numeric(19, 2),
    recipient_roles   text[]        not null default '{}',
    recipient_users   uuid[]        not null default '{}',
    recipient_owner   boolean       not null default false,
    recipient_emails  text[]        not null default '{}',
    delivery          varchar(16)   not null,
    delivery_at       time,
    delivery_weekday  varchar(9),
    -- the defaults every tenant starts with ('risk', 'opportunities'): created once, then the tenant's to edit
    default_rule      varchar(32),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0
);
create index alert_rule_tenant_idx on alert_rule (tenant_id);
create unique index alert_rule_default_uq on alert_rule (tenant_id, default_rule) where default_rule is not null;

-- One alert per (signal event, tenant, rule): a replayed or redelivered batch of events hits the unique index.
-- Company number and the event's polarity/severity are copied so the inbox filters without joins.
create table alert (
    id               bigint generated always as identity primary key,
    tenant_id        uuid          not null references tenant (id),
    rule_id          uuid          references alert_rule (id) on delete set null,
    signal_event_id  bigint        not null,
    company_id       bigint        not null,
    country          varchar(2)    not null,
    number           varchar(20)   not null,
    code             varchar(64)   not null,
    polarity         varchar(16)   not null,
    severity         varchar(16)   not null,
    effective_date   date          not null,
    -- the tenant's watchlists (and those entries' owners) through which the rule matched the company
    watchlist_ids    uuid[]        not null default '{}',
    owner_ids        uuid[]        not null default '{}',
    state            varchar(16)   not null default 'NEW',
    assignee_id      uuid,
    acknowledged_by  varchar(320),
    acknowledged_at  timestamptz,
    resolved_at      timestamptz,
    created_at       timestamptz   not null default now(),
    version          bigint        not null default 0,
    constraint alert_once_uq unique (tenant_id, rule_id, signal_event_id)
);
create index alert_tenant_idx on alert (tenant_id, id);
create index alert_tenant_created_idx on alert (tenant_id, created_at desc);
create index alert_tenant_company_idx on alert (tenant_id, company_id, created_at desc);

create table alert_comment (
    id          bigint generated always as identity primary key,
    tenant_id   uuid          not null references tenant (id),
    alert_id    bigint        not null references alert (id) on delete cascade,
    author_id   uuid,
    author      varchar(320)  not null,
    body        varchar(4000) not null,
    created_at  timestamptz   not null default now()
);
create index alert_comment_alert_idx on alert_comment (alert_id, created_at);

-- A person mutes a company until a moment, with a reason: its alerts stay in the inbox, no email goes to them.
create table alert_silence (
    id          uuid primary key,
    tenant_id   uuid          not null references tenant (id),
    user_id     uuid          not null references app_user (id),
    company_id  bigint        not null,
    until       timestamptz   not null,
    reason      varchar(500)  not null,
    created_at  timestamptz   not null default now()
);
create index alert_silence_user_company_idx on alert_silence (user_id, company_id, until);

-- A recipient's own choice for a rule (within what the rule allows): immediate, daily, weekly or none (unsubscribed).
-- Keyed by address, so external recipients can unsubscribe too.
create table alert_preference (
    tenant_id   uuid          not null references tenant (id),
    rule_id     uuid          not null references alert_rule (id) on delete cascade,
    recipient   varchar(320)  not null,
    user_id     uuid,
    delivery    varchar(16)   not null,
    updated_at  timestamptz   not null default now(),
    primary key (rule_id, recipient)
);

-- The mail outbox, written in the transaction that creates the alerts. One row per (alert group, recipient);
-- an immediate group is (tenant, rule, company, recipient) while its row is pending: later alerts of the group
-- are appended to alert_ids until the row is due (the grouping window) and a worker claims it.
create table mail_outbox (
    id                 bigint generated always as identity primary key,
    tenant_id          uuid          not null references tenant (id),
    kind               varchar(16)   not null,
    group_key          varchar(200)  not null,
    rule_id            uuid,
    company_id         bigint,
    recipient          varchar(320)  not null,
    recipient_user_id  uuid,
    language           varchar(5)    not null,
    template           varchar(64)   not null,
    alert_ids          bigint[]      not null,
    status             varchar(16)   not null default 'PENDING',
    attempts           integer       not null default 0,
    next_attempt_at    timestamptz   not null,
    claimed_by         varchar(100),
    claimed_until      timestamptz,
    sent_at            timestamptz,
    last_error         varchar(2000),
    unsubscribe_token  varchar(64)   not null,
    created_at         timestamptz   not null default now(),
    constraint mail_outbox_once_uq unique (group_key, recipient)
);
create unique index mail_outbox_unsubscribe_uq on mail_outbox (unsubscribe_token);
create unique index mail_outbox_open_group_uq on mail_outbox (tenant_id, rule_id, company_id, recipient)
    where status = 'PENDING' and kind = 'IMMEDIATE';
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_claimed_idx on mail_outbox (claimed_until) where status = 'SENDING';
create index mail_outbox_tenant_status_idx on mail_outbox (tenant_id, status, created_at desc);

-- What gave up after the last attempt: a tenant admin sees it and may resend it.
create view mail_dead_letter as
    select id, tenant_id, kind, group_key, rule_id, company_id, recipient, language, attempts, last_error, created_at,
           next_attempt_at as failed_at
    from mail_outbox where status = 'DEAD';

-- The fan-out finds a company's watchers by company, whatever the tenant.
create index if not exists watchlist_entry_company_idx on watchlist_entry (company_id) where company_id is not null;

-- Every existing tenant starts with the defaults a new one gets (names in English; the tenant may rename them).
insert into alert_rule (id, tenant_id, name, polarities, min_severity, recipient_roles, delivery, default_rule,
                        created_at, updated_at)
select gen_random_uuid(), t.id, 'Risk: negative signals', '{negative}', 'medium', '{CREDIT_MANAGER}', 'IMMEDIATE', 'risk', now(), now()
from tenant t where not t.platform;
insert into alert_rule (id, tenant_id, name, polarities, min_severity, recipient_roles, delivery, delivery_at, default_rule,
                        created_at, updated_at)
select gen_random_uuid(), t.id, 'Opportunities', '{positive}', 'info', '{SALES}', 'DAILY', '08:00', 'opportunities', now(), now()
from tenant t where not t.platform;
