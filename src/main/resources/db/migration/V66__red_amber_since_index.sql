-- The home page's "red or amber since your last visit": the few lights whose negative signal is newer than a moment,
-- found without reading every watched company's light.
create index company_light_at_risk_idx on company_light (negative_detected_at) where light in ('red', 'amber');
