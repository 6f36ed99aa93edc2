package eu.vigil.tenancy;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Names whoever is acting now, for the audit log. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {}

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return SYSTEM;
        }
        return switch (authentication.getPrincipal()) {
            case VigilUser user -> user.email();
            case ApiClient client -> "api-key:" + client.keyName();
            default -> SYSTEM;
        };
    }

    /** How a person reading an email would name whoever is acting now. */
    public static String displayName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof VigilUser user
                ? user.displayName()
                : "Vigil";
    }
}
