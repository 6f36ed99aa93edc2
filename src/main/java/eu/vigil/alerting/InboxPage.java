package eu.vigil.alerting;

import java.util.List;

/** One page of the inbox, newest first, and how many alerts the filter finds in all. */
public record InboxPage(List<InboxAlert> alerts, long total, int page, int pages) {}
