package eu.vigil.signal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Compares two versions of a company's fields and says which catalogue signals fire. The generic
 * detector kinds are evaluated here; the network kinds need other companies and are
 * {@link NetworkSignals}' job; the deadline kind ({@code overdue}) is checked daily by the accounts feed.
 */
@Component
public class SignalEngine {

    private final SignalCatalogue catalogue;
    private final List<Signal> diffed;
    /** The signals reading each field, so that a diff visits only the fields a source covers. */
    private final Map<String, List<Signal>> byField = new HashMap<>();
    private final List<Signal> firstSightCandidates;
    /** Each signal's {@code values} as a set, built once; absent where it names HOME (it depends on the company). */
    private final Map<String, Set<String>> fixedValues = new HashMap<>();

    public SignalEngine(SignalCatalogue catalogue) {
        this.catalogue = catalogue;
        this.diffed = catalogue.enabled().stream().filter(s -> s.field() != null).toList();
        diffed.forEach(s -> byField.computeIfAbsent(s.field(), f -> new ArrayList<>()).add(s));
        this.firstSightCandidates = diffed.stream()
                .filter(s -> s.polarity() == Polarity.NEGATIVE
                        && List.of("became", "added", "crossed-below", "crossed-above").contains(s.detector())
                        || "first-seen-recent".equals(s.detector()))
                .toList();
        for (Signal signal : catalogue.enabled()) {
            Set<String> values = strings(signal.params().get("values"), null);
            if (!values.contains("HOME")) {
                fixedValues.put(signal.code(), Set.copyOf(values));
            }
        }
    }

    public SignalCatalogue catalogue() {
        return catalogue;
    }

    /** The signals a change from {@code before} to {@code after} fires, for the fields both cover. */
    public List<DetectedSignal> detect(FieldValues before, FieldValues after) {
        List<DetectedSignal> fired = new ArrayList<>();
        for (String field : after.fields()) {
            List<Signal> signals = byField.get(field);
            if (signals == null || !before.covers(field)) {
                continue;
            }
            for (Signal signal : signals) {
                detect(signal, field, before, after, fired);
            }
        }
        return fired;
    }

    private void detect(Signal signal, String field, FieldValues before, FieldValues after, List<DetectedSignal> fired) {
        if (after.isDated(field) && ("added".equals(signal.detector()) || "removed".equals(signal.detector()))) {
            members(signal, before, after, fired);
        } else if (fires(signal, before, after)) {
            fired.add(new DetectedSignal(signal, before.display(field), after.display(field)));
        }
    }

    /**
     * The first time a source shows a company, Vigil records its state, not a burst of changes: only
     * negative situations it is already in (in a negative set, beyond a negative threshold, negative
     * members such as protests already listed, each dated from the source) and a recent start become events.
     */
    public List<DetectedSignal> firstSeen(FieldValues state, LocalDate asOf) {
        List<DetectedSignal> fired = new ArrayList<>(0);
        for (Signal signal : firstSightCandidates) {
            String field = signal.field();
            if (!state.covers(field)) {
                continue;
            }
            switch (signal.detector()) {
                case "became" -> {
                    if (state.text(field) != null && contains(values(signal, state), state.text(field))) {
                        fired.add(new DetectedSignal(signal, null, state.display(field)));
                    }
                }
                case "added" -> members(signal, new FieldValues(state.homeCountry()).set(field, List.of()), state, fired);
                case "crossed-below", "crossed-above" -> {
                    BigDecimal value = state.number(field);
                    BigDecimal limit = threshold(signal, state);
                    if (value != null && limit != null && ("crossed-below".equals(signal.detector())
                            ? value.compareTo(limit) < 0 : value.compareTo(limit) > 0)) {
                        fired.add(new DetectedSignal(signal, null, state.display(field)));
                    }
                }
                case "first-seen-recent" -> {
                    if (startedWithin(state.text(field), asOf, number(signal, "days", 90))) {
                        fired.add(new DetectedSignal(signal, null, state.display(field)));
                    }
                }
                default -> { }
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
            if (field.equals(signal.field()) && "became".equals(signal.detector()) && contains(values(signal, null), text)) {
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

    /** Dated sets fire once per member added or removed, dated by the member where the source gives a date. */
    private void members(Signal signal, FieldValues before, FieldValues after, List<DetectedSignal> fired) {
        String field = signal.field();
        boolean added = "added".equals(signal.detector());
        Set<String> from = added ? before.set(field) : after.set(field);
        FieldValues holder = added ? after : before;
        for (String member : members(signal, after, holder.set(field))) {
            if (!from.contains(member)) {
                fired.add(added ? new DetectedSignal(signal, null, member, after.dateOf(field, member))
                        : new DetectedSignal(signal, member, null));
            }
        }
    }

    private boolean fires(Signal signal, FieldValues before, FieldValues after) {
        String field = signal.field();
        return switch (signal.detector()) {
            case "changed-by-percent" -> changedByPercent(signal, before.number(field), after.number(field));
            case "changed-by-points" -> changedByPoints(signal, before.number(field), after.number(field));
            case "crossed-below", "crossed-above" -> crossed(signal, before, after);
            case "sign-turned" -> signTurned(signal, before.number(field), after.number(field));
            case "multiplied" -> multiplied(signal, before.number(field), after.number(field));
            case "streak" -> streakReached(signal, before.series(field), after.series(field));
            default -> compared(signal, before, after);
        };
    }

    /** The detectors that compare values as text or sets. */
    private boolean compared(Signal signal, FieldValues before, FieldValues after) {
        String field = signal.field();
        boolean isSet = after.isSet(field);
        String old = isSet ? null : before.text(field);
        String now = isSet ? null : after.text(field);
        Set<String> oldSet = before.set(field);
        Set<String> newSet = after.set(field);
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
                yield old != null && now != null && in(values, after, field, now) && !in(values, before, field, old);
            }
            case "left-set" -> {
                Set<String> values = values(signal, after);
                Set<String> to = signal.params().containsKey("to") ? strings(signal.params().get("to"), after) : null;
                yield old != null && now != null && in(values, before, field, old) && !in(values, after, field, now)
                        && (to == null || in(to, after, field, now));
            }
            case "added" -> members(signal, after, newSet).stream().anyMatch(m -> !oldSet.contains(m));
            case "removed" -> members(signal, after, oldSet).stream().anyMatch(m -> !newSet.contains(m));
            case "emptied" -> !oldSet.isEmpty() && newSet.isEmpty();
            case "rating-moved" -> ratingMoved(signal, old, now);
            case "turnover-in-window" -> turnoverHigh(signal, after) && !turnoverHigh(signal, before)
                    && newSet.stream().anyMatch(m -> !oldSet.contains(m));
            default -> false;
        };
    }

    private static boolean up(Signal signal) {
        return !"down".equals(signal.params().get("direction"));
    }

    private static boolean changedByPercent(Signal signal, BigDecimal old, BigDecimal now) {
        if (old == null || now == null || old.compareTo(now) == 0) {
            return false;
        }
        BigDecimal move = up(signal) ? now.subtract(old) : old.subtract(now);
        if (move.signum() <= 0) {
            return false;
        }
        BigDecimal percent = decimal(signal, "percent", BigDecimal.ZERO);
        if (percent.signum() == 0) {
            return true;
        }
        if (old.signum() == 0) {
            return false;
        }
        return move.multiply(BigDecimal.valueOf(100)).divide(old.abs(), 6, RoundingMode.HALF_UP).compareTo(percent) > 0;
    }

    private static boolean changedByPoints(Signal signal, BigDecimal old, BigDecimal now) {
        if (old == null || now == null) {
            return false;
        }
        BigDecimal move = up(signal) ? now.subtract(old) : old.subtract(now);
        return move.signum() > 0 && move.compareTo(decimal(signal, "points", BigDecimal.ONE)) >= 0;
    }

    private static boolean crossed(Signal signal, FieldValues before, FieldValues after) {
        String field = signal.field();
        BigDecimal old = before.number(field);
        BigDecimal now = after.number(field);
        BigDecimal oldLimit = threshold(signal, before);
        BigDecimal newLimit = threshold(signal, after);
        if (old == null || now == null || oldLimit == null || newLimit == null) {
            return false;
        }
        return "crossed-below".equals(signal.detector())
                ? old.compareTo(oldLimit) >= 0 && now.compareTo(newLimit) < 0
                : old.compareTo(oldLimit) <= 0 && now.compareTo(newLimit) > 0;
    }

    /** A fixed threshold, or a factor of another field of the same version (equity against capital). */
    private static BigDecimal threshold(Signal signal, FieldValues values) {
        if (signal.params().get("ratioOf") instanceof String other) {
            BigDecimal base = values.number(other);
            return base == null ? null : base.multiply(decimal(signal, "factor", BigDecimal.ONE));
        }
        return decimal(signal, "threshold", BigDecimal.ZERO);
    }

    private static boolean signTurned(Signal signal, BigDecimal old, BigDecimal now) {
        if (old == null || now == null) {
            return false;
        }
        return "negative".equals(signal.params().get("to")) ? old.signum() >= 0 && now.signum() < 0
                : old.signum() < 0 && now.signum() >= 0;
    }

    private static boolean multiplied(Signal signal, BigDecimal old, BigDecimal now) {
        BigDecimal factor = decimal(signal, "factor", BigDecimal.TWO);
        if (old == null || now == null || old.signum() <= 0) {
            return false;
        }
        BigDecimal target = old.multiply(factor);
        return factor.compareTo(BigDecimal.ONE) > 0 ? now.compareTo(target) >= 0 : now.compareTo(target) <= 0;
    }

    private static boolean ratingMoved(Signal signal, String old, String now) {
        List<String> scale = signal.params().get("scale") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        int from = old == null ? -1 : scale.indexOf(old);
        int to = now == null ? -1 : scale.indexOf(now);
        if (from < 0 || to < 0 || from == to) {
            return false;
        }
        return up(signal) ? to < from : to > from;
    }

    /** The newest {@code periods} values meet the condition now and did not before: a streak just reached. */
    private static boolean streakReached(Signal signal, List<BigDecimal> before, List<BigDecimal> after) {
        int periods = number(signal, "periods", 3);
        boolean negative = !"positive".equals(signal.params().get("condition"));
        return streak(after, periods, negative) && !streak(before, periods, negative);
    }

    private static boolean streak(List<BigDecimal> newestFirst, int periods, boolean negative) {
        if (newestFirst.size() < periods) {
            return false;
        }
        for (int i = 0; i < periods; i++) {
            BigDecimal value = newestFirst.get(i);
            if (value == null) {
                return false;
            }
            int sign = value.signum();
            if (negative ? sign >= 0 : sign <= 0) {
                return false;
            }
        }
        return true;
    }

    /** More than {@code share} of the members started within the last {@code months} before the view's date. */
    private static boolean turnoverHigh(Signal signal, FieldValues values) {
        String field = signal.field();
        Set<String> members = values.set(field);
        LocalDate asOf = values.asOf();
        if (members.isEmpty() || asOf == null) {
            return false;
        }
        LocalDate from = asOf.minusMonths(number(signal, "months", 12));
        long recent = members.stream().map(m -> values.dateOf(field, m)).filter(d -> d != null && d.isAfter(from)).count();
        return BigDecimal.valueOf(recent).compareTo(decimal(signal, "share", new BigDecimal("0.5")).multiply(BigDecimal.valueOf(members.size()))) > 0;
    }

    /** Whether the field's value is in the set: as text, or as a number held as one (no parsing). */
    private static boolean in(Set<String> values, FieldValues view, String field, String text) {
        if (values.contains(text)) {
            return true;
        }
        BigDecimal number = view.number(field);
        if (number == null) {
            return false;
        }
        for (String member : values) {
            BigDecimal value = NUMBERS.computeIfAbsent(member, SignalEngine::parseOrNull).orElse(null);
            if (value != null && value.compareTo(number) == 0) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.concurrent.ConcurrentMap<String, java.util.Optional<BigDecimal>> NUMBERS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.Optional<BigDecimal> parseOrNull(String text) {
        try {
            return java.util.Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean contains(Set<String> values, String value) {
        if (values.contains(value)) {
            return true;
        }
        // numbers in a set compare by value: risk class "4" and 4.0, a credit limit "0" and "0.00"
        try {
            BigDecimal number = new BigDecimal(value);
            for (String member : values) {
                try {
                    if (new BigDecimal(member).compareTo(number) == 0) {
                        return true;
                    }
                } catch (NumberFormatException ignored) {
                    // not a number: compared as text above
                }
            }
        } catch (NumberFormatException ignored) {
            // not a number: compared as text above
        }
        return false;
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

    static int number(Signal signal, String param, int fallback) {
        return signal.params().get(param) instanceof Number n ? n.intValue() : fallback;
    }

    private static final java.util.concurrent.ConcurrentMap<Number, BigDecimal> PARAMS = new java.util.concurrent.ConcurrentHashMap<>();

    private static BigDecimal decimal(Signal signal, String param, BigDecimal fallback) {
        return signal.params().get(param) instanceof Number n ? PARAMS.computeIfAbsent(n, v -> new BigDecimal(v.toString())) : fallback;
    }

    private static boolean startedWithin(String isoDate, LocalDate asOf, int days) {
        if (isoDate == null || asOf == null) {
            return false;
        }
        try {
            return !LocalDate.parse(isoDate).isBefore(asOf.minusDays(days));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
