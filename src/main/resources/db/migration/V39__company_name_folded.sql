-- Name search finds every word of the query in any order, accents and case folded ("brasserie moulin" finds
-- "Brasserie Le Vieux Moulin", "lumiere" finds "Lumière"), still from a trigram index: each name is kept folded
-- (lower case, accents off, punctuation as spaces) beside itself.
create function vigil_fold(text) returns text language sql immutable parallel safe as $$
    select lower(translate($1, 'àáâäãåāăąçćčďèéêëēėęěìíîïīįłñńňòóôöõøōőœŕřśšşťùúûüūůűųýÿźżžßæđÀÁÂÄÃÅĀĂĄÇĆČĎÈÉÊËĒĖĘĚÌÍÎÏĪĮŁÑŃŇÒÓÔÖÕØŌŐŒŔŘŚŠŞŤÙÚÛÜŪŮŰŲÝŸŹŻŽÆĐ''’`´-.,&/()_+"“”«»', 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuuyyzzzsadaaaaaaaaacccdeeeeeeeeiiiiiilnnnooooooooorrssstuuuuuuuuyyzzzad                  '))
$$;

alter table company_name add column folded text generated always as (vigil_fold(name)) stored;
create index company_name_folded_trgm_idx on company_name using gin (folded gin_trgm_ops);
drop index company_name_trgm_idx;
