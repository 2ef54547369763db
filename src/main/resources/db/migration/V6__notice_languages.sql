-- Notices in the recipient's language, as plain text and HTML (multipart mail).
-- "reference" tells apart notices of one kind to one recipient: '' for most, the reply version for an acknowledgement.
-- Standard SQL that H2 and PostgreSQL both run.
alter table notice rename column question_number to reference;
alter table notice add column language varchar(20) default 'en' not null;
alter table notice add column html_body varchar(1000000);
-- a notice to the study group carries every comment received: more than the first limit allowed
alter table notice alter column body set data type varchar(1000000);
-- the three notices to the study group of the first release are one notice now
update notice set kind = 'TO_STUDY_GROUP' where kind in ('APPROVAL_ANNOUNCED', 'REFERRED_BACK', 'COMMENTS_FORWARDED');
-- a batch of notices is claimed in one statement under a token of its own: no two nodes ever hold the same notice
alter table notice add column claim_token varchar(40);
