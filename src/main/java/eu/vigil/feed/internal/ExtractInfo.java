package eu.vigil.feed.internal;

import java.time.LocalDate;

/** What an extract says about itself. */
public record ExtractInfo(Integer number, String type, LocalDate snapshot, String name) {

    public boolean isFull() {
        return "full".equalsIgnoreCase(type);
    }
}
