-- The default rules V30 gave existing tenants are named in English; a new tenant's are named in its language
-- (alerts.defaultRule.* in messages/alerts_*.properties). Name them so for French, Dutch and Italian tenants,
-- unless the tenant has renamed them.
update alert_rule r
set name = translated.name, updated_at = now(), version = r.version + 1
from tenant t,
     (values ('fr', 'risk', 'Risk: negative signals', 'Risque : signaux négatifs'),
             ('fr', 'opportunities', 'Opportunities', 'Opportunités'),
             ('nl', 'risk', 'Risk: negative signals', 'Risico: negatieve signalen'),
             ('nl', 'opportunities', 'Opportunities', 'Kansen'),
             ('it', 'risk', 'Risk: negative signals', 'Rischio: segnali negativi'),
             ('it', 'opportunities', 'Opportunities', 'Opportunità'))
         as translated (language, default_rule, english, name)
where t.id = r.tenant_id
  and lower(left(t.language, 2)) = translated.language
  and r.default_rule = translated.default_rule
  and r.name = translated.english;
