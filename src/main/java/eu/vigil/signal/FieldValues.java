package eu.vigil.signal;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The catalogue's fields ({@code section.name}) as one source sees a company at one moment: a text
 * value, a set of values, or nothing. Only the fields a source {@linkplain #covers covers} are compared.
 */
public final class FieldValues {

    private final Map<String, Object> values = new HashMap<>();
    private final String homeCountry;

    public FieldValues(String homeCountry) {
        this.homeCountry = homeCountry;
    }

    public FieldValues text(String field, Object value) {
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

    public boolean covers(String field) {
        return values.containsKey(field);
    }

    public String text(String field) {
        return values.get(field) instanceof String text ? text : null;
    }

    @SuppressWarnings("unchecked")
    public Set<String> set(String field) {
        return values.get(field) instanceof Set<?> set ? (Set<String>) set : Set.of();
    }

    boolean isSet(String field) {
        return values.get(field) instanceof Set<?>;
    }

    String homeCountry() {
        return homeCountry;
    }

    /** The value as a person reads it in an event: the text, or the set's members joined. */
    String display(String field) {
        Object value = values.get(field);
        return value instanceof Set<?> set ? (set.isEmpty() ? null : String.join(", ", set.stream().map(String::valueOf).toList()))
                : (String) value;
    }
}
