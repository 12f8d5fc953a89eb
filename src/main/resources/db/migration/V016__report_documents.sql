-- 公文设置: what the office sets before generating a campaign's official documents (results notice,
-- annual report, feedback letters, recommendation letters, rectification notices): the issuing
-- authority (发文机关), document numbers (文号), addressees (主送机关), copy-to (抄送), the signing date
-- (成文日期) and an optional extra paragraph. One row per campaign; absent = the defaults.
create table report_document_setting (
    campaign_id          bigint primary key references campaign (id) on delete cascade,
    issuing_authority    varchar(60)  not null,
    document_no          varchar(60),
    report_document_no   varchar(60),
    addressees           varchar(500),
    report_addressees    varchar(200),
    copy_to              varchar(500),
    signing_date         date,
    chinese_numeral_date boolean      not null default false,
    rectification_due    date,
    extra_paragraph      text,
    created_at           timestamptz  not null default now(),
    created_by           varchar(64),
    updated_at           timestamptz  not null default now(),
    updated_by           varchar(64),
    row_version          bigint       not null default 0,
    constraint report_document_setting_extra check (char_length(extra_paragraph) <= 5000)
);
