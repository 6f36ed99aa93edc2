-- Feed connections: one row per source and stream (a Companies House stream, the BODACC dataset, ...), holding
-- the position the last committed run reached, the lease that lets one instance of the cluster pull it at a time,
-- and the state shown to the platform admin (connected, last success, newest item, failures in words).
create table feed_connection (
    source          varchar(40)  not null,
    stream          varchar(60)  not null,
    position        varchar(200),
    newest_item_at  timestamptz,
    holder          varchar(64),
    lease_until     timestamptz,
    connected       boolean      not null default false,
    last_attempt_at timestamptz,
    last_success_at timestamptz,
    next_attempt_at timestamptz,
    failures        integer      not null default 0,
    failing_since   timestamptz,
    last_error      varchar(1000),
    note            varchar(1000),
    note_at         timestamptz,
    items_day       date,
    items_today     bigint       not null default 0,
    items_total     bigint       not null default 0,
    runs            bigint       not null default 0,
    primary key (source, stream)
);
