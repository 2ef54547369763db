-- The tally at the deadline is provisional until an officer confirms it ("Review tally and announce"): the
-- announcement, and who made it, are the consultation's point of no return. Standard SQL for H2 and PostgreSQL.
alter table consultation add column announced_at timestamp with time zone;
alter table consultation add column announced_by varchar(100);
-- consultations decided before the review existed were announced at their tally
update consultation set announced_at = (select max(d.decided_at) from decision d where d.consultation_id = consultation.id),
                        announced_by = 'tally'
 where exists (select 1 from decision d where d.consultation_id = consultation.id);
