-- The portal's inbox, silences and preferences.

-- The menu counts a tenant's new alerts on every page.
create index alert_tenant_new_idx on alert (tenant_id) where state = 'NEW';

-- A silence names its company as the inbox does (country and number copied), so the list needs no join.
alter table alert_silence add column country varchar(2), add column number varchar(20);
update alert_silence s set country = c.country, number = c.number from company c where c.id = s.company_id;
alter table alert_silence alter column country set not null, alter column number set not null;
create index alert_silence_tenant_user_idx on alert_silence (tenant_id, user_id, until);

create index alert_preference_tenant_recipient_idx on alert_preference (tenant_id, recipient);
