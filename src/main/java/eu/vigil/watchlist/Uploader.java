package eu.vigil.watchlist;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.Actors;
import eu.vigil.tenancy.VigilUser;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who uploads: a person (who gets the flashback by email, in their language) or an API key (who gets the answer). */
public record Uploader(String actor, UUID userId, String email, Language language) {

    public static Uploader current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof VigilUser user) {
            return new Uploader(user.email(), user.userId(), user.email(), user.language());
        }
        return new Uploader(Actors.current(), null, null, Language.EN);
    }
}
