package eu.vigil.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Compares two versions of a company's fields and says which catalogue signals fire. Generic detector
 * kinds over text and set fields are evaluated here; numeric, score, streak and network kinds need the
 * accounts and bureau feeds and do not fire yet.
 */
@Component
public class SignalEngine {

    private final SignalCatalogue catalogue;
    private final List<Signal> firstSightCandidates;
    /** Each signal's {@code values} as a set, built once; null where it names HOME (it depends on the company). */
    private final java.util.Map<String, Set<String>> fixedValues = new java.util.HashMap<>();

    public SignalEngine(SignalCatalogue catalogue) {
        this.catalogue = catalogue;
        this.firstSightCandidates = catalogue.enabled().stream()
                .filter(s -> s.field() != null)
                .filter(s -> "became".equals(s.detector()) && s.polarity() == Polarity.NEGATIVE
                        || "first-seen-recent".equals(s.detector()))
                .toList();
        for (Signal signal : catalogue.enabled()) {
            Set<String> values = strings(signal.params().get("values"), null);
            if (!values.contains("HOME")) {
                fixedValues.put(signal.code(), Set.copyOf(values));
            }
        }
    }

    /** The signals a change from {@code before} to {@code after} fires, for the fields {@code after} covers. */
    public List<DetectedSignal> detect(FieldValues before, FieldValues after) {
        List<DetectedSignal> fired = new ArrayList<>();
        for (Signal signal : catalogue.enabled()) {
            String field = signal.field();
            if (field == null || !after.covers(field) || !before.covers(field)) {
                continue;
            }
            if (fires(signal, before, after)) {
                fired.add(new DetectedSignal(signal, before.display(field), after.display(field)));
            }
        }
        return fired;
    }

    /**
     * The first time Vigil sees a company it records its state, not a burst of changes: only negative
     * situations it is already in ({@code became} into a set it already holds) and a recent start
     * ({@code first-seen-recent}) become events.
     */
    public List<DetectedSignal> firstSeen(FieldValues state, LocalDate asOf) {
        List<DetectedSignal> fired = new ArrayList<>(0);
        for (Signal signal : firstSightCandidates) {
            String field = signal.field();
            if (!state.covers(field)) {
                continue;
            }
            boolean fires = switch (signal.detector()) {
                case "became" -> signal.polarity() == Polarity.NEGATIVE && state.text(field) != null
                        && values(signal, state).contains(state.text(field));
                case "first-seen-recent" -> startedWithin(state.text(field), asOf, number(signal, "days", 90));
                default -> false;
            };
            if (fires) {
                fired.add(new DetectedSignal(signal, null, state.display(field)));
            }
        }
        return fired;
    }

    /**
     * Whether a first sight with this value of {@code field} can fire anything: lets a bulk load skip
     * the engine for the vast majority of companies, which are in none of the catalogue's negative sets.
     */
    public boolean firstSightCanFire(String field, Object value) {
        String text = String.valueOf(value);
        for (Signal signal : firstSightCandidates) {
            if (field.equals(signal.field()) && "became".equals(signal.detector()) && values(signal, null).contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** The longest "recent start" window of the catalogue, in days (0 when no such signal is enabled). */
    public int firstSightRecentDays() {
        return firstSightCandidates.stream().filter(s -> "first-seen-recent".equals(s.detector()))
                .mapToInt(s -> number(s, "days", 90)).max().orElse(0);
    }

    private boolean fires(Signal signal, FieldValues before, FieldValues after) {
        String field = signal.field();
        String old = before.text(field);
        String now = after.text(field);
        Set<String> oldSet = before.set(field);
        Set<String> newSet = after.set(field);
        boolean isSet = after.isSet(field);
        return switch (signal.detector()) {
            case "value-changed" -> isSet ? !oldSet.isEmpty() && !newSet.isEmpty() && !oldSet.equals(newSet)
                    || alsoWhen(signal, "appeared") && oldSet.isEmpty() && !newSet.isEmpty()
                    || alsoWhen(signal, "disappeared") && !oldSet.isEmpty() && newSet.isEmpty()
                    : old != null && now != null && !old.equals(now)
                    || alsoWhen(signal, "appeared") && old == null && now != null
                    || alsoWhen(signal, "disappeared") && old != null && now == null;
            case "appeared" -> isSet ? oldSet.isEmpty() && !newSet.isEmpty() : old == null && now != null;
            case "disappeared" -> isSet ? !oldSet.isEmpty() && newSet.isEmpty() : old != null && now == null;
            case "became" -> {
                Set<String> values = values(signal, after);
                yield old != null && now != null && values.contains(now) && !values.contains(old);
            }
            case "left-set" -> {
                Set<String> values = values(signal, after);
                Set<String> to = signal.params().containsKey("to") ? strings(signal.params().get("to"), after) : null;
                yield old != null && now != null && values.contains(old) && !values.contains(now) && (to == null || to.contains(now));
            }
            case "added" -> members(signal, after, newSet).stream().anyMatch(m -> !oldSet.contains(m));
            case "removed" -> members(signal, after, oldSet).stream().anyMatch(m -> !newSet.contains(m));
            case "emptied" -> !oldSet.isEmpty() && newSet.isEmpty();
            default -> false;
        };
    }

    private static boolean alsoWhen(Signal signal, String when) {
        return strings(signal.params().get("alsoWhen"), null).contains(when);
    }

    private Set<String> values(Signal signal, FieldValues context) {
        Set<String> fixed = fixedValues.get(signal.code());
        return fixed != null ? fixed : strings(signal.params().get("values"), context);
    }

    /** The members of {@code set} the signal watches: all of them, or only its {@code values}. */
    private Set<String> members(Signal signal, FieldValues context, Set<String> set) {
        if (!signal.params().containsKey("values")) {
            return set;
        }
        Set<String> watched = new HashSet<>(set);
        watched.retainAll(values(signal, context));
        return watched;
    }

    private static Set<String> strings(Object value, FieldValues context) {
        Set<String> result = new HashSet<>();
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                String text = String.valueOf(item);
                result.add("HOME".equals(text) && context != null ? context.homeCountry() : text);
            }
        } else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    private static int number(Signal signal, String param, int fallback) {
        return signal.params().get(param) instanceof Number n ? n.intValue() : fallback;
    }

    private static boolean startedWithin(String isoDate, LocalDate asOf, int days) {
        if (isoDate == null) {
            return false;
        }
        try {
            LocalDate start = LocalDate.parse(isoDate);
            return !start.isBefore(asOf.minusDays(days)) && Objects.nonNull(asOf);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
