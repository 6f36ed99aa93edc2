-- The country a tenant's company numbers belong to when a spreadsheet writes them without a prefix
-- (an ISO 3166 code Vigil reads numbers of). Set when the tenant is created, changed by its admin.
alter table tenant add column country varchar(2) not null default 'BE';
