package eu.vigil.watchlist;

import eu.vigil.tenancy.TenancyException;

/** A watchlist request the person can fix; answered 400 by the API, shown on the page in the portal. */
public class WatchlistException extends TenancyException {

    /** Keys of the reasons a company number is refused start with this, the parser's reason follows. */
    public static final String INVALID_NUMBER = "watchlist.number.";

    public WatchlistException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
