-- What an upload tells its reader (why a row was rejected, why a file failed) is kept as a message key and its
-- arguments, worded in the reader's language when read. detail keeps the number parser's English text and error
-- the English wording, for support; rows written before this change have no key and show those.
alter table watchlist_import_row add column detail_key varchar(64);
alter table watchlist_import_row add column detail_args text[] not null default '{}';
alter table watchlist_import add column error_key varchar(64);
alter table watchlist_import add column error_args text[] not null default '{}';
