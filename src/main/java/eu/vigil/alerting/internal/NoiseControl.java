package eu.vigil.alerting.internal;

import eu.vigil.signal.Polarity;
import eu.vigil.signal.Severity;
import eu.vigil.signal.SignalEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What of an alert group is worth an email (after Alertmanager's inhibition): a critical negative signal hides the
 * lesser negative ones of the same company; a value that changed and changed back within the group is not sent.
 */
final class NoiseControl {

    private NoiseControl() {}

    /**
     * The events to send, most severe first, then newest. {@code fieldOf} names the state field a signal code reads
     * (changes of one field form a chain: each old value is the previous new value).
     */
    static List<SignalEvent> worthSending(List<SignalEvent> group, Function<String, String> fieldOf) {
        List<SignalEvent> inOrder =
                group.stream().sorted(Comparator.comparingLong(SignalEvent::id)).toList();
        Set<Long> flipped = flipFlops(inOrder, fieldOf);
        List<SignalEvent> kept =
                inOrder.stream().filter(e -> !flipped.contains(e.id())).toList();
        boolean critical =
                kept.stream().anyMatch(e -> e.polarity() == Polarity.NEGATIVE && e.severity() == Severity.CRITICAL);
        return kept.stream()
                .filter(e -> !critical || e.polarity() != Polarity.NEGATIVE || e.severity() == Severity.CRITICAL)
                .sorted(Comparator.comparingInt((SignalEvent e) -> e.severity().rank())
                        .reversed()
                        .thenComparing(SignalEvent::effectiveDate, Comparator.reverseOrder())
                        .thenComparing(SignalEvent::id, Comparator.reverseOrder()))
                .toList();
    }

    /** Events of a field whose changes form an unbroken chain ending where it started. */
    private static Set<Long> flipFlops(List<SignalEvent> inOrder, Function<String, String> fieldOf) {
        Map<String, List<SignalEvent>> byField = new LinkedHashMap<>();
        for (SignalEvent event : inOrder) {
            String field = fieldOf.apply(event.code());
            byField.computeIfAbsent(field == null ? event.code() : field, k -> new ArrayList<>())
                    .add(event);
        }
        return byField.values().stream()
                .filter(changes -> changes.size() >= 2
                        && chained(changes)
                        && Objects.equals(
                                changes.getFirst().oldValue(), changes.getLast().newValue()))
                .flatMap(List::stream)
                .map(SignalEvent::id)
                .collect(Collectors.toSet());
    }

    private static boolean chained(List<SignalEvent> changes) {
        for (int i = 1; i < changes.size(); i++) {
            if (!Objects.equals(changes.get(i).oldValue(), changes.get(i - 1).newValue())) {
                return false;
            }
        }
        return true;
    }
}
