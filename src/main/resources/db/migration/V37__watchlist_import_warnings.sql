-- An upload row whose company number is valid is watched even when an optional field (type, amount, owner, tag,
-- reference) cannot be taken: that field is left empty and each such problem is kept here, worded when read.
-- Rejected rows keep the problems of their other fields here too.
create table watchlist_import_warning (
    import_id    uuid          not null references watchlist_import (id) on delete cascade,
    row_no       integer       not null,
    seq          smallint      not null,
    field        varchar(32)   not null,
    value        varchar(500)  not null,
    detail_key   varchar(64)   not null,
    detail_args  text[]        not null default '{}',
    primary key (import_id, row_no, seq)
);
