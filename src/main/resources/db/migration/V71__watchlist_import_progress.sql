-- An import's progress is read by whichever node serves the next poll, so it lives here, not in one node's
-- memory. A table of its own: the import's row stays locked by the transaction that enrolls the rows.
create table watchlist_import_progress (
    import_id  uuid        primary key,
    rows_read  integer     not null,
    updated_at timestamptz not null
);

-- How often a browser import was started; one whose node died is taken up again by another, a few times at most.
alter table watchlist_import add column attempts integer not null default 0;
