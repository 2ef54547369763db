-- The delivery (NoticeDelivery, every second) looks for the notices due and for claims left by a dead node, and reads
-- back the batch it claimed. Without these indexes each of those statements read every notice ever recorded, bodies
-- included: with 20 000 notices sent, an idle run took about 2 s (NoticeDispatchBenchmark, bench.dispatch.history).
-- Standard SQL that H2 and PostgreSQL both run.
create index notice_due on notice (status, next_attempt_at);
create index notice_claim on notice (claim_token);
