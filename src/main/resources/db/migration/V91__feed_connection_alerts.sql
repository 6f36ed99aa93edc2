-- When the platform admins were last told that a feed connection is late or failing: one mail per episode, sent by
-- whichever instance claims it first; cleared when the connection is well again.
alter table feed_connection add column alert_sent_at timestamptz;
