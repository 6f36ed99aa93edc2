package eu.vigil.feed;

/** A row a run could not take: where it was, what it said and why. */
public record QuarantinedRow(String fileName, long line, String raw, String reason) {}
