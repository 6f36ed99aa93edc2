package eu.vigil.watchlist;

import java.util.List;
import java.util.UUID;

/** What a tenant says about a company it watches, besides the number. */
public record EntryData(
        String reference,
        Relationship relationship,
        Amount creditLimit,
        Amount exposure,
        UUID ownerId,
        List<String> tags) {

    public EntryData {
        relationship = relationship == null ? Relationship.CUSTOMER : relationship;
        tags = tags == null ? List.of() : List.copyOf(tags);
        reference = reference == null || reference.isBlank() ? null : reference.strip();
    }
}
