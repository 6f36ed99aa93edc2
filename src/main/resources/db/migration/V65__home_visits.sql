-- When each person last opened their home page, and the visit before that: "what changed since my last visit".
-- Opening the page again within half an hour is the same visit.
create table home_visit (
    user_id     uuid primary key references app_user (id) on delete cascade,
    tenant_id   uuid        not null references tenant (id),
    seen_at     timestamptz not null,
    previous_at timestamptz
);


-- "Mine": the inbox and the sales home ask whether, and which, entries a person owns.
create index watchlist_entry_owner_idx on watchlist_entry (tenant_id, owner_id) where owner_id is not null;
