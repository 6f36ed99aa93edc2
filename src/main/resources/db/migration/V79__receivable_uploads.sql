-- A spreadsheet of open items waiting between its preview and its load, in the database so that any node can load
-- it; deleted once loaded, or a day after it was left.
create table receivable_upload (
    id          uuid         primary key,
    tenant_id   uuid         not null references tenant (id),
    file_name   varchar(255) not null,
    content     bytea        not null,
    uploaded_by varchar(320),
    created_at  timestamptz  not null default now()
);
create index receivable_upload_tenant_idx on receivable_upload (tenant_id, created_at);
