-- sign-in throttling slows down instead of locking: the column holds the earliest next attempt a key may make
alter table login_throttle rename column locked_until to next_attempt_at;
delete from login_throttle;
