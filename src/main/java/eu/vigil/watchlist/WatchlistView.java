package eu.vigil.watchlist;

import java.time.Instant;
import java.util.UUID;

public record WatchlistView(UUID id, String name, String createdBy, Instant createdAt, long entries) {}
