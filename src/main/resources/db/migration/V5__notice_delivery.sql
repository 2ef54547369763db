-- Delivery apart from the process: each notice is claimed, sent and marked on its own, retried with a growing delay,
-- and FAILED after the last attempt, with its error. SENDING marks a claim (see NoticeDelivery).
alter table notice add column attempts int default 0 not null;
alter table notice add column next_attempt_at timestamp with time zone;
alter table notice add column claimed_at timestamp with time zone;
alter table notice add column last_error varchar(1000);
