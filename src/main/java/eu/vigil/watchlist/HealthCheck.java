package eu.vigil.watchlist;

import java.time.LocalDate;
import java.util.List;

/**
 * How many of an upload's known companies had each kind of problem since {@code since}: {@code enrolled}
 * companies Vigil knows, and per kind the companies behind the count.
 */
public record HealthCheck(LocalDate since, int enrolled, List<Kind> kinds, List<Flashback> flashback) {

    public record Kind(String kind, List<Company> companies, double percent) {

        public int count() {
            return companies.size();
        }
    }

    public record Company(String country, String number, String display, String name) {

        public String path() {
            return "/companies/" + country + "/" + number;
        }
    }

    /** One newly watched company's negative events, newest first. */
    public record Flashback(Company company, List<Event> events) {}

    /** A past event: its label and, in {@code change}, what changed in the reader's words (null when nothing to say). */
    public record Event(String code, String label, String severity, LocalDate date, String change) {}

    public int withProblems() {
        return (int)
                kinds.stream().flatMap(k -> k.companies().stream()).distinct().count();
    }
}
