package eu.vigil.feed;

/**
 * A feed run committed what it applied: companies it brought are in the registry now, whether or not
 * any signal fired for them. Published in the run's transaction; tenant-independent.
 */
public record FeedRunCompleted(long runId, String source) {}
