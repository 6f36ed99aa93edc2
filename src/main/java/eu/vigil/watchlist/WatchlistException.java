package eu.vigil.watchlist;

import eu.vigil.tenancy.TenancyException;

/** A watchlist request the person can fix; answered 400 by the API, shown on the page in the portal. */
public class WatchlistException extends TenancyException {

    public WatchlistException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
