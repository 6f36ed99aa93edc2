package eu.vigil.watchlist;

import java.io.Serializable;

/**
 * A company the add-one search box offers: {@code value} is what to submit as its number; {@code known}
 * false for a valid number Vigil does not know yet (added as pending); {@code onList} when this list
 * has it already. Name, city and active are null when no feed has said.
 */
public record CompanySuggestion(
        String country,
        String number,
        String display,
        String value,
        String name,
        String city,
        Boolean active,
        boolean known,
        boolean onList)
        implements Serializable {}
