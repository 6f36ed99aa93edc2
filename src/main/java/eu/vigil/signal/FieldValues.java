package eu.vigil.signal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalogue's fields ({@code section.name}) as one source sees a company at one moment: a text or
 * number, a set of values (optionally each with its own date), or nothing; a number field may carry its
 * earlier periods too. Only the fields a source {@linkplain #covers covers} are compared.
 *
 * <p>Each field name has a process-wide slot number, so a view is an array, not a map: the engine builds
 * two views per changed company and reads each field by its slot.
 */
public final class FieldValues {

    private static final ConcurrentMap<String, Integer> SLOTS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();
    private static volatile String[] names = new String[0];
    /** A field the view covers without a value (the source says "none"), told apart from a field it does not cover (null). */
    private static final Object NOTHING = new Object();

    private Object[] slots;
    /** The covered slots in the order they were given, so that events come out in the source's order. */
    private int[] order = new int[24];

    private int count;
    /** Per slot, made on first use: a dated set's member dates, or a number's earlier periods. */
    private Object[] extras;

    private final String homeCountry;
    private LocalDate asOf;

    public FieldValues(String homeCountry) {
        this.homeCountry = homeCountry;
        this.slots = new Object[Math.max(32, NEXT_SLOT.get())];
    }

    /** A field name resolved to its slot once, for sources that fill the same fields for millions of companies. */
    public record Field(String name, int slot) {}

    public static Field field(String name) {
        return new Field(name, slot(name));
    }

    /** The slot of a field name, given out the first time the name is seen. */
    static int slot(String field) {
        Integer slot = SLOTS.get(field);
        return slot != null ? slot : register(field);
    }

    private static synchronized int register(String field) {
        Integer slot = SLOTS.get(field);
        if (slot != null) {
            return slot;
        }
        int next = NEXT_SLOT.getAndIncrement();
        String[] grown = Arrays.copyOf(names, next + 1);
        grown[next] = field;
        names = grown;
        SLOTS.put(field, next);
        return next;
    }

    /** The date this view holds at, for detectors that count back in time (board turnover). */
    public FieldValues asOf(LocalDate date) {
        this.asOf = date;
        return this;
    }

    public FieldValues text(String field, Object value) {
        return text(slot(field), value);
    }

    public FieldValues text(Field field, Object value) {
        return text(field.slot(), value);
    }

    private FieldValues text(int slot, Object value) {
        if (value instanceof BigDecimal number) {
            // kept as a number: numeric detectors read it without parsing, people read its plain text
            return put(slot, number);
        }
        String text = value == null ? null : String.valueOf(value);
        return put(slot, text == null || text.isBlank() ? NOTHING : text);
    }

    public FieldValues set(String field, Iterable<String> members) {
        Set<String> set = new TreeSet<>();
        members.forEach(member -> {
            if (member != null && !member.isBlank()) {
                set.add(member);
            }
        });
        return put(slot(field), Collections.unmodifiableSet(set));
    }

    /**
     * A set whose members each carry the date the source gives them (a protest's date, an officer's
     * start). The map becomes this view's: the caller hands over a fresh one and does not touch it again.
     */
    public FieldValues dated(String field, Map<String, LocalDate> members) {
        return dated(slot(field), members);
    }

    public FieldValues dated(Field field, Map<String, LocalDate> members) {
        return dated(field.slot(), members);
    }

    private FieldValues dated(int slot, Map<String, LocalDate> members) {
        if (!members.isEmpty()) {
            members.keySet().removeIf(member -> member == null || member.isBlank());
        }
        extra(slot, members);
        return put(slot, Collections.unmodifiableSet(members.keySet()));
    }

    /** A number field with its values over the periods, newest first (null where a period lacks it); the newest is the field's value. */
    public FieldValues series(String field, List<BigDecimal> newestFirst) {
        int slot = slot(field);
        text(slot, newestFirst.isEmpty() ? null : newestFirst.getFirst());
        extra(slot, Collections.unmodifiableList(new java.util.ArrayList<>(newestFirst)));
        return this;
    }

    private FieldValues put(int slot, Object value) {
        if (slot >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(slot + 1, slots.length * 2));
        }
        if (slots[slot] == null) {
            if (count == order.length) {
                order = Arrays.copyOf(order, count * 2);
            }
            order[count++] = slot;
        }
        slots[slot] = value;
        return this;
    }

    private void extra(int slot, Object value) {
        if (extras == null || slot >= extras.length) {
            extras = extras == null
                    ? new Object[Math.max(slots.length, slot + 1)]
                    : Arrays.copyOf(extras, Math.max(slot + 1, extras.length * 2));
        }
        extras[slot] = value;
    }

    /** The fields this view covers, in the order they were given. */
    public Set<String> fields() {
        String[] known = names;
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < count;
                    }

                    @Override
                    public String next() {
                        if (next >= count) {
                            throw new NoSuchElementException();
                        }
                        return known[order[next++]];
                    }
                };
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    public boolean covers(String field) {
        Integer slot = SLOTS.get(field);
        return slot != null && covers(slot);
    }

    int coveredCount() {
        return count;
    }

    /** The slot of the i-th covered field. */
    int coveredSlot(int i) {
        return order[i];
    }

    boolean covers(int slot) {
        return slot < slots.length && slots[slot] != null;
    }

    /** The value as held: a String, a BigDecimal, a set, or null. */
    Object raw(int slot) {
        Object value = slot < slots.length ? slots[slot] : null;
        return value == NOTHING ? null : value;
    }

    private Object raw(String field) {
        Integer slot = SLOTS.get(field);
        return slot == null ? null : raw(slot);
    }

    public String text(String field) {
        return text(raw(field));
    }

    String text(int slot) {
        return text(raw(slot));
    }

    private static String text(Object value) {
        return value instanceof String text ? text : value instanceof BigDecimal number ? plain(number) : null;
    }

    private static String plain(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        // a whole number has no trailing zeros to strip
        return number.scale() <= 0
                ? number.toPlainString()
                : number.stripTrailingZeros().toPlainString();
    }

    /** The field as a number, or null when absent or not a number. */
    public BigDecimal number(String field) {
        return number(raw(field));
    }

    BigDecimal number(int slot) {
        return number(raw(slot));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal number) {
            return number;
        }
        return value instanceof String text ? parse(text) : null;
    }

    /** The text as a number, or null; text that cannot be one (a rating, a code word) is turned away without an exception. */
    static BigDecimal parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        if (!(first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public Set<String> set(String field) {
        return set(raw(field));
    }

    Set<String> set(int slot) {
        return set(raw(slot));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> set(Object value) {
        return value instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    /** The date of a member of a dated set, or null. */
    public LocalDate dateOf(String field, String member) {
        Integer slot = SLOTS.get(field);
        return slot == null ? null : dateOf(slot, member);
    }

    @SuppressWarnings("unchecked")
    LocalDate dateOf(int slot, String member) {
        return extraOf(slot) instanceof Map<?, ?> dates ? ((Map<String, LocalDate>) dates).get(member) : null;
    }

    boolean isDated(int slot) {
        return extraOf(slot) instanceof Map<?, ?>;
    }

    @SuppressWarnings("unchecked")
    List<BigDecimal> series(int slot) {
        if (extraOf(slot) instanceof List<?> periods) {
            return (List<BigDecimal>) periods;
        }
        BigDecimal only = number(slot);
        return only == null ? List.of() : List.of(only);
    }

    private Object extraOf(int slot) {
        return extras != null && slot < extras.length ? extras[slot] : null;
    }

    boolean isSet(int slot) {
        return raw(slot) instanceof Set<?>;
    }

    String homeCountry() {
        return homeCountry;
    }

    LocalDate asOf() {
        return asOf;
    }

    /** The value as a person reads it in an event: the text, or the set's members joined. */
    String display(int slot) {
        Object value = raw(slot);
        return value instanceof Set<?> set ? (set.isEmpty() ? null : String.join(", ", set(value))) : text(value);
    }
}
