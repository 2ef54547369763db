-- The agreed text of each Question, as the circular's Annex 1 gives it (plain text; '' when TSB gave none).
-- The length is consultation.QuestionLimits.MAX_TEXT_LENGTH (SchemaLimitsTest).
alter table question add column text varchar(100000) default '' not null;
