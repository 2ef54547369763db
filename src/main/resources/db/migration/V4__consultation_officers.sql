-- Who recorded the TSAG adoption and who issued the circular: the authenticated officer, for the audit trail.
alter table consultation add column created_by varchar(100);
alter table consultation add column opened_by varchar(100);
