package eu.vigil.watchlist;

import eu.vigil.shared.UserFacingException;
import java.util.Map;

/** A watchlist request the person can fix; answered 400 by the API, shown on the page in the portal. */
public class WatchlistException extends UserFacingException {

    /** Keys of the reasons a company number is refused start with this, the parser's reason follows. */
    public static final String INVALID_NUMBER = "watchlist.number.";

    public WatchlistException(String messageKey, Object... args) {
        super(messageKey, args);
    }

    /** A stable code for a program to act on: the message key. */
    @Override
    public Map<String, Object> problemProperties() {
        return Map.of("reason", messageKey());
    }
}
