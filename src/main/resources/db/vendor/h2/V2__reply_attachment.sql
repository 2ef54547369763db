-- The scanned reply form an officer attaches to a reply received by e-mail, fax or letter. Append-only, like the versions.
create table reply_attachment (
    reply_version_id bigint       not null primary key references reply_version (id),
    filename         varchar(255) not null,
    content_type     varchar(100) not null,
    size_bytes       bigint       not null,
    sha256           char(64)     not null,
    content          blob         not null
);
