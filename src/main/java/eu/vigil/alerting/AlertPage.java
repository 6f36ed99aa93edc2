package eu.vigil.alerting;

import java.util.List;

/** Alerts after a cursor, oldest first; {@code next} is the cursor to ask with next time (the same one when nothing is new). */
public record AlertPage(List<AlertView> alerts, String next) {}
