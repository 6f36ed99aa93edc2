-- bumped by every password change or reset: a session signed in under an older epoch ends
alter table app_user add column session_epoch integer not null default 0;
