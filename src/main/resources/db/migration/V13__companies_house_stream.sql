-- Companies House streams: the last event applied to each resource (a company profile, an appointment,
-- a charge, an insolvency record, a disqualified officer), so that the same event again (same etag) or an
-- older one (an earlier timepoint) is recognised and skipped however often a captured file is replayed.
create table ch_stream_resource (
    resource_uri varchar(200) primary key,
    etag         varchar(100),
    timepoint    bigint,
    published_at timestamptz not null,
    deleted      boolean     not null
);

-- The disqualifications Companies House lists for an officer, by the key of the officer index
-- (company_officer): an officer's companies are found through that index, and an officer appointed
-- after a disqualification is recognised when the appointment comes.
create table ch_disqualification (
    officer_key        varchar(64)  not null,
    description        varchar(400) not null,
    disqualified_from  date,
    disqualified_until date,
    primary key (officer_key, description)
);
