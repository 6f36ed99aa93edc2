package eu.vigil.web;

import eu.vigil.shared.Language;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.VigilUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * A signed-in person's language is the one in their profile; before sign-in it is the one they
 * picked (a cookie) or their browser's. Picking a language while signed in updates the profile.
 */
class UserLocaleResolver implements LocaleResolver {

    static final String COOKIE = "vigil-lang";
    private static final String CHOSEN = UserLocaleResolver.class.getName() + ".chosen";

    private final UserManagement users;

    UserLocaleResolver(UserManagement users) {
        this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Language chosen) {
            return chosen.locale();
        }
        if (signedIn() instanceof VigilUser user) {
            return user.language().locale();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    var language = Language.fromCode(cookie.getValue());
                    if (language.isPresent()) {
                        return language.get().locale();
                    }
                }
            }
        }
        var locales = request.getLocales();
        while (locales.hasMoreElements()) {
            var language = Language.fromCode(locales.nextElement().getLanguage());
            if (language.isPresent()) {
                return language.get().locale();
            }
        }
        return Language.EN.locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Language language = Language.of(locale);
        request.setAttribute(CHOSEN, language);
        Cookie cookie = new Cookie(COOKIE, language.code());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        if (signedIn() instanceof VigilUser user && user.language() != language) {
            users.changeLanguage(user.userId(), language);
        }
    }

    private static Object signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }
}
