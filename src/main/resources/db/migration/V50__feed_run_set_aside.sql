-- Rows a run read and deliberately did not apply (not errors): how many, and how many for each reason.
alter table feed_run add column rows_set_aside bigint not null default 0;
alter table feed_run add column set_aside jsonb;
