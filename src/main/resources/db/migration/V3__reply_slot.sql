-- One row per consultation and Member State, created when the consultation opens. Reply intake locks its Member
-- State's row, so replies of different Member States never wait for each other; the tally locks them all, so it
-- waits for the replies being stored at the deadline, and every reply after it is received after the deadline.
create table reply_slot (
    consultation_id bigint  not null references consultation (id),
    member_state    char(3) not null,
    primary key (consultation_id, member_state)
);
