-- Announcements of signal events now carry the companies of their events (companyIds): those still waiting for a
-- listener when this version starts get theirs, so that a resubmission finds them.
update event_publication p
set serialized_event = (p.serialized_event::jsonb || jsonb_build_object('companyIds', coalesce(
        (select jsonb_agg(x.company_id order by x.company_id)
         from (select distinct e.company_id
               from signal_event e
               where e.id in (select jsonb_array_elements_text(p.serialized_event::jsonb -> 'eventIds')::bigint)) x),
        '[]'::jsonb)))::text
where p.event_type = 'eu.vigil.signal.SignalEventsRecorded'
  and p.completion_date is null
  and not (p.serialized_event::jsonb ? 'companyIds');
