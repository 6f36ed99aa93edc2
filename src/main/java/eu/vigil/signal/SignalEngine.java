package eu.vigil.signal;

import java.math.BigDecimal;
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
    /** The detectors reading each field, by the field's slot, so that a diff visits only the fields a source covers. */
    private final Detector[][] bySlot;
    /** Slots whose detectors can fire on an unchanged value: a threshold read from another field, or a series of periods. */
    private final boolean[] compareEvenIfEqual;

    private final Detector[] firstSightCandidates;

    public SignalEngine(SignalCatalogue catalogue) {
        this.catalogue = catalogue;
        Map<String, List<Detector>> fields = new HashMap<>();
        List<Detector> firstSight = new ArrayList<>();
        for (Signal signal : catalogue.enabled()) {
            if (signal.field() == null) {
                continue;
            }
            Detector detector = new Detector(signal);
            fields.computeIfAbsent(signal.field(), f -> new ArrayList<>()).add(detector);
            if (signal.polarity() == Polarity.NEGATIVE
                            && List.of("became", "added", "crossed-below", "crossed-above")
                                    .contains(signal.detector())
                    || "first-seen-recent".equals(signal.detector())) {
                firstSight.add(detector);
            }
        }
        int slots = fields.keySet().stream().mapToInt(FieldValues::slot).max().orElse(-1) + 1;
        this.bySlot = new Detector[slots][];
        this.compareEvenIfEqual = new boolean[slots];
        fields.forEach((field, detectors) -> {
            int slot = FieldValues.slot(field);
            bySlot[slot] = detectors.toArray(Detector[]::new);
            compareEvenIfEqual[slot] = detectors.stream().anyMatch(d -> d.ratioOf >= 0 || d.kind == Kind.STREAK);
        });
        this.firstSightCandidates = firstSight.toArray(Detector[]::new);
    }

    public SignalCatalogue catalogue() {
        return catalogue;
    }

    /** The signals a change from {@code before} to {@code after} fires, for the fields both cover. */
    public List<DetectedSignal> detect(FieldValues before, FieldValues after) {
        List<DetectedSignal> fired = new ArrayList<>();
        for (int i = 0, covered = after.coveredCount(); i < covered; i++) {
            int slot = after.coveredSlot(i);
            Detector[] detectors = slot < bySlot.length ? bySlot[slot] : null;
            if (detectors == null
                    || !before.covers(slot)
                    || !compareEvenIfEqual[slot] && equal(before.raw(slot), after.raw(slot))) {
                continue;
            }
            boolean dated = after.isDated(slot);
            for (Detector detector : detectors) {
                if (dated && (detector.kind == Kind.ADDED || detector.kind == Kind.REMOVED)) {
                    members(detector, before, after, fired);
                } else if (fires(detector, before, after)) {
                    fired.add(new DetectedSignal(detector.signal, before.display(slot), after.display(slot)));
                }
            }
        }
        return fired;
    }

    /** No detector fires on a value that did not move (sets by members, numbers by value). */
    private static boolean equal(Object old, Object now) {
        if (old == now) {
            return true;
        }
        if (old == null || now == null) {
            return false;
        }
        return old instanceof BigDecimal a && now instanceof BigDecimal b ? a.compareTo(b) == 0 : old.equals(now);
    }

    /**
     * The first time a source shows a company, Vigil records its state, not a burst of changes: only
     * negative situations it is already in (in a negative set, beyond a negative threshold, negative
     * members such as protests already listed, each dated from the source) and a recent start become events.
     */
    public List<DetectedSignal> firstSeen(FieldValues state, LocalDate asOf) {
        List<DetectedSignal> fired = new ArrayList<>(0);
        for (Detector detector : firstSightCandidates) {
            int field = detector.slot;
            if (!state.covers(field)) {
                continue;
            }
            switch (detector.kind) {
                case BECAME -> {
                    if (state.text(field) != null && contains(detector.values(state), state.text(field))) {
                        fired.add(new DetectedSignal(detector.signal, null, state.display(field)));
                    }
                }
                case ADDED ->
                    members(
                            detector,
                            new FieldValues(state.homeCountry()).set(detector.field, List.of()),
                            state,
                            fired);
                case CROSSED_BELOW, CROSSED_ABOVE -> {
                    BigDecimal value = state.number(field);
                    BigDecimal limit = detector.threshold(state);
                    if (value != null
                            && limit != null
                            && (detector.kind == Kind.CROSSED_BELOW
                                    ? value.compareTo(limit) < 0
                                    : value.compareTo(limit) > 0)) {
                        fired.add(new DetectedSignal(detector.signal, null, state.display(field)));
                    }
                }
                case FIRST_SEEN_RECENT -> {
                    if (startedWithin(state.text(field), asOf, detector.days)) {
                        fired.add(new DetectedSignal(detector.signal, null, state.display(field)));
                    }
                }
                default -> {}
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
        for (Detector detector : firstSightCandidates) {
            if (field.equals(detector.field) && detector.kind == Kind.BECAME && contains(detector.values(null), text)) {
                return true;
            }
        }
        return false;
    }

    /** The longest "recent start" window of the catalogue, in days (0 when no such signal is enabled). */
    public int firstSightRecentDays() {
        int days = 0;
        for (Detector detector : firstSightCandidates) {
            if (detector.kind == Kind.FIRST_SEEN_RECENT) {
                days = Math.max(days, detector.days);
            }
        }
        return days;
    }

    /** Dated sets fire once per member added or removed, dated by the member where the source gives a date. */
    private static void members(Detector detector, FieldValues before, FieldValues after, List<DetectedSignal> fired) {
        int field = detector.slot;
        boolean added = detector.kind == Kind.ADDED;
        Set<String> from = added ? before.set(field) : after.set(field);
        FieldValues holder = added ? after : before;
        Set<String> watched = detector.values == null && detector.hasValues ? detector.values(after) : detector.values;
        for (String member : holder.set(field)) {
            if (watched != null && !watched.contains(member) || from.contains(member)) {
                continue;
            }
            fired.add(
                    added
                            ? new DetectedSignal(detector.signal, null, member, after.dateOf(field, member))
                            : new DetectedSignal(detector.signal, member, null));
        }
    }

    private static boolean fires(Detector detector, FieldValues before, FieldValues after) {
        int field = detector.slot;
        return switch (detector.kind) {
            case CHANGED_BY_PERCENT -> changedByPercent(detector, before.number(field), after.number(field));
            case CHANGED_BY_POINTS -> changedByPoints(detector, before.number(field), after.number(field));
            case CROSSED_BELOW, CROSSED_ABOVE -> crossed(detector, before, after);
            case SIGN_TURNED -> signTurned(detector, before.number(field), after.number(field));
            case MULTIPLIED -> multiplied(detector, before.number(field), after.number(field));
            case STREAK -> streakReached(detector, before.series(field), after.series(field));
            case OTHER -> false;
            default -> compared(detector, before, after);
        };
    }

    /** The detectors that compare values as text or sets. */
    private static boolean compared(Detector detector, FieldValues before, FieldValues after) {
        int field = detector.slot;
        if (after.isSet(field)) {
            Set<String> oldSet = before.set(field);
            Set<String> newSet = after.set(field);
            return switch (detector.kind) {
                case VALUE_CHANGED ->
                    !oldSet.isEmpty() && !newSet.isEmpty() && !oldSet.equals(newSet)
                            || detector.alsoAppeared && oldSet.isEmpty() && !newSet.isEmpty()
                            || detector.alsoDisappeared && !oldSet.isEmpty() && newSet.isEmpty();
                case APPEARED -> oldSet.isEmpty() && !newSet.isEmpty();
                case DISAPPEARED, EMPTIED -> !oldSet.isEmpty() && newSet.isEmpty();
                case ADDED -> anyWatchedMissing(detector, after, newSet, oldSet);
                case REMOVED -> anyWatchedMissing(detector, after, oldSet, newSet);
                case TURNOVER_IN_WINDOW ->
                    turnoverHigh(detector, after)
                            && !turnoverHigh(detector, before)
                            && anyWatchedMissing(null, after, newSet, oldSet);
                default -> false;
            };
        }
        // numbers stay numbers here: their text is made only for the events that fire
        Object old = before.raw(field);
        Object now = after.raw(field);
        return switch (detector.kind) {
            case VALUE_CHANGED ->
                old != null && now != null && !same(before, after, field, old, now)
                        || detector.alsoAppeared && old == null && now != null
                        || detector.alsoDisappeared && old != null && now == null;
            case APPEARED -> old == null && now != null;
            case DISAPPEARED -> old != null && now == null;
            case BECAME -> old != null && now != null && detector.in(after, now) && !detector.in(before, old);
            case LEFT_SET ->
                old != null
                        && now != null
                        && detector.in(before, old)
                        && !detector.in(after, now)
                        && (detector.to == null && !detector.hasTo || detector.inTo(after, now));
            case RATING_MOVED -> ratingMoved(detector, before.text(field), after.text(field));
            default -> false;
        };
    }

    /** Equal as a person reads them: numbers by value (1.50 is 1.5), anything else by its text. */
    private static boolean same(FieldValues before, FieldValues after, int field, Object old, Object now) {
        if (old instanceof BigDecimal a && now instanceof BigDecimal b) {
            return a.compareTo(b) == 0;
        }
        return old instanceof String a && now instanceof String b
                ? a.equals(b)
                : before.text(field).equals(after.text(field));
    }

    /** Whether a member of {@code from} (one the detector watches, or any when {@code detector} is null) is not in {@code in}. */
    private static boolean anyWatchedMissing(Detector detector, FieldValues context, Set<String> from, Set<String> in) {
        Set<String> watched = detector == null
                ? null
                : detector.values == null && detector.hasValues ? detector.values(context) : detector.values;
        for (String member : from) {
            if ((watched == null || watched.contains(member)) && !in.contains(member)) {
                return true;
            }
        }
        return false;
    }

    private static boolean changedByPercent(Detector detector, BigDecimal old, BigDecimal now) {
        if (old == null || now == null || old.compareTo(now) == 0) {
            return false;
        }
        BigDecimal move = detector.up ? now.subtract(old) : old.subtract(now);
        if (move.signum() <= 0) {
            return false;
        }
        if (detector.percent.signum() == 0) {
            return true;
        }
        if (old.signum() == 0) {
            return false;
        }
        return move.multiply(HUNDRED).compareTo(detector.percent.multiply(old.abs())) > 0;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static boolean changedByPoints(Detector detector, BigDecimal old, BigDecimal now) {
        if (old == null || now == null) {
            return false;
        }
        BigDecimal move = detector.up ? now.subtract(old) : old.subtract(now);
        return move.signum() > 0 && move.compareTo(detector.points) >= 0;
    }

    private static boolean crossed(Detector detector, FieldValues before, FieldValues after) {
        int field = detector.slot;
        BigDecimal old = before.number(field);
        BigDecimal now = after.number(field);
        if (old == null || now == null) {
            return false;
        }
        BigDecimal oldLimit = detector.threshold(before);
        BigDecimal newLimit = detector.threshold(after);
        if (oldLimit == null || newLimit == null) {
            return false;
        }
        return detector.kind == Kind.CROSSED_BELOW
                ? old.compareTo(oldLimit) >= 0 && now.compareTo(newLimit) < 0
                : old.compareTo(oldLimit) <= 0 && now.compareTo(newLimit) > 0;
    }

    private static boolean signTurned(Detector detector, BigDecimal old, BigDecimal now) {
        if (old == null || now == null) {
            return false;
        }
        return detector.toNegative ? old.signum() >= 0 && now.signum() < 0 : old.signum() < 0 && now.signum() >= 0;
    }

    private static boolean multiplied(Detector detector, BigDecimal old, BigDecimal now) {
        if (old == null || now == null || old.signum() <= 0) {
            return false;
        }
        BigDecimal target = old.multiply(detector.factor);
        return detector.factor.compareTo(BigDecimal.ONE) > 0 ? now.compareTo(target) >= 0 : now.compareTo(target) <= 0;
    }

    private static boolean ratingMoved(Detector detector, String old, String now) {
        int from = old == null ? -1 : detector.scale.indexOf(old);
        int to = now == null ? -1 : detector.scale.indexOf(now);
        if (from < 0 || to < 0 || from == to) {
            return false;
        }
        return detector.up ? to < from : to > from;
    }

    /** The newest {@code periods} values meet the condition now and did not before: a streak just reached. */
    private static boolean streakReached(Detector detector, List<BigDecimal> before, List<BigDecimal> after) {
        return streak(after, detector.periods, detector.negative)
                && !streak(before, detector.periods, detector.negative);
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
    private static boolean turnoverHigh(Detector detector, FieldValues values) {
        int field = detector.slot;
        Set<String> members = values.set(field);
        LocalDate asOf = values.asOf();
        if (members.isEmpty() || asOf == null) {
            return false;
        }
        LocalDate from = asOf.minusMonths(detector.months);
        int recent = 0;
        for (String member : members) {
            LocalDate date = values.dateOf(field, member);
            if (date != null && date.isAfter(from)) {
                recent++;
            }
        }
        return BigDecimal.valueOf(recent).compareTo(detector.share.multiply(BigDecimal.valueOf(members.size()))) > 0;
    }

    private static boolean contains(Set<String> values, String value) {
        if (values.contains(value)) {
            return true;
        }
        // numbers in a set compare by value: risk class "4" and 4.0, a credit limit "0" and "0.00"
        BigDecimal number = FieldValues.parse(value);
        if (number == null) {
            return false;
        }
        for (String member : values) {
            BigDecimal other = FieldValues.parse(member);
            if (other != null && other.compareTo(number) == 0) {
                return true;
            }
        }
        return false;
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

    private static BigDecimal decimal(Signal signal, String param, BigDecimal fallback) {
        return signal.params().get(param) instanceof Number n ? new BigDecimal(n.toString()) : fallback;
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

    private enum Kind {
        VALUE_CHANGED,
        APPEARED,
        DISAPPEARED,
        BECAME,
        LEFT_SET,
        ADDED,
        REMOVED,
        EMPTIED,
        CHANGED_BY_PERCENT,
        CHANGED_BY_POINTS,
        CROSSED_BELOW,
        CROSSED_ABOVE,
        SIGN_TURNED,
        MULTIPLIED,
        RATING_MOVED,
        STREAK,
        TURNOVER_IN_WINDOW,
        FIRST_SEEN_RECENT,
        OTHER;

        static Kind of(String detector) {
            try {
                return valueOf(detector.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                return OTHER;
            }
        }
    }

    /** A catalogue entry with its parameters read once, so that a diff reads fields, never the catalogue's maps. */
    private static final class Detector {

        final Signal signal;
        final String field;
        final int slot;
        final Kind kind;
        final boolean hasValues;
        /** The {@code values} as a set; null when absent or when it names HOME (then it depends on the company). */
        final Set<String> values;
        /** The numeric members of {@code values}, compared with a number field by value without parsing. */
        final BigDecimal[] numericValues;

        final boolean hasTo;
        final Set<String> to;
        final BigDecimal[] numericTo;
        final boolean alsoAppeared;
        final boolean alsoDisappeared;
        final boolean up;
        final boolean toNegative;
        final boolean negative;
        final BigDecimal percent;
        final BigDecimal points;
        final BigDecimal threshold;
        final int ratioOf;
        final BigDecimal factor;
        final List<String> scale;
        final int periods;
        final int months;
        final int days;
        final BigDecimal share;

        Detector(Signal signal) {
            Map<String, Object> params = signal.params();
            this.signal = signal;
            this.field = signal.field();
            this.slot = FieldValues.slot(field);
            this.kind = Kind.of(signal.detector());
            this.hasValues = params.containsKey("values");
            Set<String> rawValues = strings(params.get("values"), null);
            this.values = !hasValues || rawValues.contains("HOME") ? null : Set.copyOf(rawValues);
            this.numericValues = numbers(rawValues);
            this.hasTo = params.containsKey("to") && !(params.get("to") instanceof String);
            Set<String> rawTo = hasTo ? strings(params.get("to"), null) : Set.of();
            this.to = !hasTo || rawTo.contains("HOME") ? null : Set.copyOf(rawTo);
            this.numericTo = numbers(rawTo);
            Set<String> alsoWhen = strings(params.get("alsoWhen"), null);
            this.alsoAppeared = alsoWhen.contains("appeared");
            this.alsoDisappeared = alsoWhen.contains("disappeared");
            this.up = !"down".equals(params.get("direction"));
            this.toNegative = "negative".equals(params.get("to"));
            this.negative = !"positive".equals(params.get("condition"));
            this.percent = decimal(signal, "percent", BigDecimal.ZERO);
            this.points = decimal(signal, "points", BigDecimal.ONE);
            this.threshold = decimal(signal, "threshold", BigDecimal.ZERO);
            this.ratioOf = params.get("ratioOf") instanceof String other ? FieldValues.slot(other) : -1;
            this.factor = decimal(signal, "factor", kind == Kind.MULTIPLIED ? BigDecimal.TWO : BigDecimal.ONE);
            this.scale = params.get("scale") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : List.of();
            this.periods = number(signal, "periods", 3);
            this.months = number(signal, "months", 12);
            this.days = number(signal, "days", 90);
            this.share = decimal(signal, "share", new BigDecimal("0.5"));
        }

        /** The watched values, with HOME read as the company's country. */
        Set<String> values(FieldValues context) {
            return values != null || !hasValues
                    ? (values == null ? Set.of() : values)
                    : strings(signal.params().get("values"), context);
        }

        /** A fixed threshold, or a factor of another field of the same version (equity against capital). */
        BigDecimal threshold(FieldValues view) {
            if (ratioOf >= 0) {
                BigDecimal base = view.number(ratioOf);
                return base == null ? null : base.multiply(factor);
            }
            return threshold;
        }

        /** Whether the field's value (text or number) is in {@code values}: as text, or by value as a number. */
        boolean in(FieldValues view, Object value) {
            return member(values != null ? values : values(view), numericValues, value);
        }

        boolean inTo(FieldValues view, Object value) {
            return member(to != null ? to : strings(signal.params().get("to"), view), numericTo, value);
        }

        private static boolean member(Set<String> set, BigDecimal[] numbers, Object value) {
            if (value instanceof String text && set.contains(text)) {
                return true;
            }
            if (numbers.length == 0) {
                return false;
            }
            BigDecimal number = value instanceof BigDecimal held ? held : FieldValues.parse((String) value);
            if (number == null) {
                return false;
            }
            for (BigDecimal member : numbers) {
                if (member.compareTo(number) == 0) {
                    return true;
                }
            }
            return false;
        }

        private static BigDecimal[] numbers(Set<String> members) {
            return members.stream()
                    .map(FieldValues::parse)
                    .filter(java.util.Objects::nonNull)
                    .toArray(BigDecimal[]::new);
        }
    }
}
