-- A feed connection's last error and note are kept as a message code and its arguments, not as English words, so
-- that each platform admin reads them in their own language; words already kept are shown as they are.
alter table feed_connection
    add column last_error_code varchar(100),
    add column last_error_args text[],
    add column note_code       varchar(100),
    add column note_args       text[];
update feed_connection set last_error_code = 'feeds.error.asWritten', last_error_args = array[last_error]
where last_error is not null;
update feed_connection set note_code = 'feeds.error.asWritten', note_args = array[note] where note is not null;
alter table feed_connection drop column last_error, drop column note;
