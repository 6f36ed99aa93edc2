-- Digests: a recipient's daily or weekly email of a rule's alerts, due at a local time in the tenant's time zone.

-- When the next digest after moment "after" falls due: "at" o'clock in "zone" (on "weekday" for weekly ones).
-- The local date and time are converted in the zone on that very day, so the hour stays the same across DST changes;
-- a local time the clocks skip (02:30 on the spring-forward night) is read as PostgreSQL reads it, an hour later.
create function alert_digest_due(zone text, mode text, at time, weekday text, after timestamptz) returns timestamptz
    language plpgsql stable as $$
declare
    day  date := (after at time zone zone)::date;
    step integer := case when mode = 'WEEKLY' then 7 else 1 end;
    due  timestamptz;
begin
    if mode = 'WEEKLY' then
        day := day + (coalesce(array_position(array['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY'],
                                              upper(coalesce(weekday, 'MONDAY'))), 1)
                      - extract(isodow from day)::integer + 7) % 7;
    end if;
    due := (day + coalesce(at, time '08:00')) at time zone zone;
    if due <= after then
        due := (day + step + coalesce(at, time '08:00')) at time zone zone;
    end if;
    return due;
end
$$;

