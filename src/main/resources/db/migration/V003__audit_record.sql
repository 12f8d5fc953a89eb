-- 审计日志: append-only, hash-chained. Each record's hash covers the previous record's hash.
create table audit_record (
    seq              bigint       primary key,
    occurred_at      timestamptz  not null,
    actor_account_id bigint,
    actor_username   varchar(64),
    actor_unit_id    bigint,
    actor_roles      varchar(200),
    action           varchar(100) not null,
    object_type      varchar(64),
    object_id        varchar(64),
    outcome          varchar(16)  not null,
    client_address   varchar(64),
    request_id       varchar(64),
    before_data      text,
    after_data       text,
    detail           varchar(2000),
    prev_hash        char(64)     not null,
    hash             char(64)     not null
);
create index audit_record_time on audit_record (occurred_at);
create index audit_record_action on audit_record (action);
create index audit_record_actor on audit_record (actor_username);
create index audit_record_object on audit_record (object_type, object_id);

-- the head of the chain; appending locks this row so that records form one sequence
create table audit_chain_head (
    id        integer  primary key check (id = 1),
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));

create function audit_record_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are append-only (审计记录只能追加，不能修改或删除)';
end;
$$;

create trigger audit_record_no_update before update or delete on audit_record
    for each row execute function audit_record_immutable();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_immutable();
