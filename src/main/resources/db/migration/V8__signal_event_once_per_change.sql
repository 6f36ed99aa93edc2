-- A change is its old and its new value: two officers resigning on the same day (no new value) are two events,
-- not one. The old value goes into the key as a hash, so long values stay within the index's row size.
drop index signal_event_once_uq;
create unique index signal_event_once_uq
    on signal_event (company_id, code, effective_date, coalesce(new_value, ''), md5(coalesce(old_value, '')));
