-- Who did what, when, per tenant.
create table audit_event (
    id          uuid primary key,
    tenant_id   uuid         not null references tenant (id),
    occurred_at timestamptz  not null,
    actor       varchar(320) not null,
    action      varchar(64)  not null,
    target      varchar(400),
    detail      varchar(2000),
    remote_addr varchar(64)
);
create index audit_event_tenant_time_idx on audit_event (tenant_id, occurred_at desc);
