-- Every name a company is known by (official, abbreviation, commercial; all languages), with a trigram
-- index so that a name search answers from an index, never by reading every identity document.
-- Kept apart from company_section: it is refreshed after each run commits (a full load rebuilds it in
-- the background), so that the bulk load itself writes no trigram index.
create extension if not exists pg_trgm;

create table company_name (
    company_id bigint not null,
    name       text   not null
);
create index company_name_company_idx on company_name (company_id);
create index company_name_trgm_idx on company_name using gin (name gin_trgm_ops);

-- Companies whose names changed while a rebuild held the table: the rebuild (or the next refresh) applies them.
create table company_name_stale (
    company_id bigint not null
);

insert into company_name (company_id, name)
select s.company_id, n->>'value'
from company_section s, json_array_elements(s.doc->'names') n
where s.section = 'identity' and coalesce(n->>'value', '') <> '';
