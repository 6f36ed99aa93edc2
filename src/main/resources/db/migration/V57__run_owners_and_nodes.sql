-- Which Vigil instance runs a feed run or a watchlist import, and which instances are alive, so that a
-- watchdog on any instance can end what an instance that died left RUNNING.
create table vigil_node (
    node_id      varchar(64) primary key,
    started_at   timestamptz not null,
    heartbeat_at timestamptz not null
);

alter table feed_run add column owner_node varchar(64);
alter table watchlist_import add column owner_node varchar(64);

-- Set where the work starts, from the connection's application_name (each instance names its connections
-- after itself), so the code that starts runs and imports needs no change.
create function vigil_claim_owner() returns trigger language plpgsql as $$
begin
    if new.status = 'RUNNING' and (tg_op = 'INSERT' or old.status is distinct from 'RUNNING' or new.owner_node is null) then
        new.owner_node := nullif(current_setting('application_name', true), '');
    end if;
    return new;
end $$;

create trigger feed_run_owner before insert or update on feed_run
    for each row execute function vigil_claim_owner();
create trigger watchlist_import_owner before insert or update on watchlist_import
    for each row execute function vigil_claim_owner();
