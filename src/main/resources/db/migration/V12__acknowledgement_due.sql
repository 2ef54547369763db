-- A reply version whose acknowledgement is still to be written: recorded in the reply's transaction (so a crash right
-- after the commit loses nothing), taken and deleted by the step that composes the acknowledgement into the outbox
-- (notice.AcknowledgementComposition), in that step's transaction. Composing it in the reply's request (templates and
-- the outbox rows with their bodies) was about three quarters of the reply intake's time (ReplyIntakeBenchmark).
-- Standard SQL for H2 and PostgreSQL.
create table acknowledgement_due (
    reply_version_id bigint not null primary key,
    consultation_id  bigint not null,
    recorded_at      timestamp with time zone not null
);
