package eu.vigil.alerting;

/** In the last {@code days} days a rule would have raised {@code alerts} alerts about {@code companies} companies. */
public record RulePreview(long alerts, long companies, int days) {}
