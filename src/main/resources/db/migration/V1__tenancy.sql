-- Tenants, their users, one-time account links, API keys and login throttling.
-- The all-zero tenant is the platform itself: platform admins and platform keys belong to it.

create table tenant (
    id            uuid primary key,
    name          varchar(200) not null,
    language      varchar(5)   not null,
    time_zone     varchar(64)  not null,
    platform      boolean      not null default false,
    created_at    timestamptz  not null
);
create unique index tenant_name_uq on tenant (lower(name));

insert into tenant (id, name, language, time_zone, platform, created_at)
values ('00000000-0000-0000-0000-000000000000', 'Vigil platform', 'en', 'Europe/Brussels', true, now());

create table app_user (
    id             uuid primary key,
    tenant_id      uuid         not null references tenant (id),
    email          varchar(320) not null,
    display_name   varchar(200),
    role           varchar(32)  not null,
    status         varchar(16)  not null,
    language       varchar(5)   not null,
    time_zone      varchar(64)  not null,
    password_hash  varchar(255),
    created_at     timestamptz  not null,
    last_login_at  timestamptz,
    version        bigint       not null default 0
);
create unique index app_user_email_uq on app_user (lower(email));
create index app_user_tenant_idx on app_user (tenant_id);

create table account_token (
    id          uuid primary key,
    tenant_id   uuid        not null references tenant (id),
    user_id     uuid        not null references app_user (id),
    purpose     varchar(16) not null,
    token_hash  varchar(64) not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null
);
create unique index account_token_hash_uq on account_token (token_hash);
create index account_token_user_idx on account_token (user_id);

create table api_key (
    id           uuid primary key,
    tenant_id    uuid         not null references tenant (id),
    name         varchar(200) not null,
    scope        varchar(16)  not null,
    display_hint varchar(32)  not null,
    secret_hash  varchar(64)  not null,
    created_by   varchar(320) not null,
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create unique index api_key_secret_uq on api_key (secret_hash);
create index api_key_tenant_idx on api_key (tenant_id);

create table login_throttle (
    throttle_key  varchar(400) primary key,
    failures      integer     not null,
    window_start  timestamptz not null,
    locked_until  timestamptz
);
