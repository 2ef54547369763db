-- The document with the agreed text of a Question (Annex 1 of the circular) that TSB attaches: a PDF. An officer may
-- replace it until the consultation is decided; the row says who attached the one in force, and when.
create table question_document (
    consultation_id bigint       not null,
    question_number varchar(20)  not null,
    filename        varchar(255) not null,
    content_type    varchar(100) not null,
    size_bytes      bigint       not null,
    attached_at     timestamp with time zone not null,
    attached_by     varchar(100) not null,
    content         bytea        not null,
    primary key (consultation_id, question_number),
    foreign key (consultation_id, question_number) references question (consultation_id, number)
);
