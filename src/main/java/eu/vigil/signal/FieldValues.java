package eu.vigil.signal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue's fields ({@code section.name}) as one source sees a company at one moment: a text or
 * number, a set of values (optionally each with its own date), or nothing; a number field may carry its
 * earlier periods too. Only the fields a source {@linkplain #covers covers} are compared.
 */
public final class FieldValues {

    private final Map<String, Object> values = new java.util.LinkedHashMap<>(64);
    private final Map<String, Map<String, LocalDate>> dates = new HashMap<>(16);
    private final Map<String, List<BigDecimal>> series = new HashMap<>(4);
    private final String homeCountry;
    private LocalDate asOf;

    public FieldValues(String homeCountry) {
        this.homeCountry = homeCountry;
    }

    /** The date this view holds at, for detectors that count back in time (board turnover). */
    public FieldValues asOf(LocalDate date) {
        this.asOf = date;
        return this;
    }

    public FieldValues text(String field, Object value) {
        if (value instanceof BigDecimal number) {
            // kept as a number: numeric detectors read it without parsing, people read its plain text
            values.put(field, number);
            return this;
        }
        String text = value == null ? null : String.valueOf(value);
        values.put(field, text == null || text.isBlank() ? null : text);
        return this;
    }

    public FieldValues set(String field, Iterable<String> members) {
        Set<String> set = new TreeSet<>();
        members.forEach(member -> {
            if (member != null && !member.isBlank()) {
                set.add(member);
            }
        });
        values.put(field, Collections.unmodifiableSet(set));
        return this;
    }

    /**
     * A set whose members each carry the date the source gives them (a protest's date, an officer's
     * start). The map becomes this view's: the caller hands over a fresh one and does not touch it again.
     */
    public FieldValues dated(String field, Map<String, LocalDate> members) {
        members.keySet().removeIf(member -> member == null || member.isBlank());
        values.put(field, Collections.unmodifiableSet(members.keySet()));
        dates.put(field, members);
        return this;
    }

    /** A number field with its values over the periods, newest first (null where a period lacks it); the newest is the field's value. */
    public FieldValues series(String field, List<BigDecimal> newestFirst) {
        text(field, newestFirst.isEmpty() ? null : newestFirst.getFirst());
        series.put(field, Collections.unmodifiableList(new java.util.ArrayList<>(newestFirst)));
        return this;
    }

    /** The fields this view covers. */
    public Set<String> fields() {
        return values.keySet();
    }

    public boolean covers(String field) {
        return values.containsKey(field);
    }

    public String text(String field) {
        Object value = values.get(field);
        return value instanceof String text ? text : value instanceof BigDecimal number ? plain(number) : null;
    }

    private final Map<BigDecimal, String> plainTexts = new java.util.IdentityHashMap<>(8);

    private String plain(BigDecimal number) {
        return plainTexts.computeIfAbsent(number, n -> n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString());
    }

    /** The field as a number, or null when absent or not a number. */
    public BigDecimal number(String field) {
        Object value = values.get(field);
        if (value instanceof BigDecimal number) {
            return number;
        }
        String text = value instanceof String t ? t : null;
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    public Set<String> set(String field) {
        return values.get(field) instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    /** The date of a member of a dated set, or null. */
    public LocalDate dateOf(String field, String member) {
        Map<String, LocalDate> memberDates = dates.get(field);
        return memberDates == null ? null : memberDates.get(member);
    }

    boolean isDated(String field) {
        return dates.containsKey(field);
    }

    List<BigDecimal> series(String field) {
        List<BigDecimal> values = series.get(field);
        if (values != null) {
            return values;
        }
        BigDecimal only = number(field);
        return only == null ? List.of() : List.of(only);
    }

    boolean isSet(String field) {
        return values.get(field) instanceof Set<?>;
    }

    String homeCountry() {
        return homeCountry;
    }

    LocalDate asOf() {
        return asOf;
    }

    /** The value as a person reads it in an event: the text, or the set's members joined. */
    String display(String field) {
        Object value = values.get(field);
        return value instanceof Set<?> set ? (set.isEmpty() ? null : String.join(", ", set.stream().map(String::valueOf).toList()))
                : value instanceof BigDecimal number ? plain(number) : (String) value;
    }
}
