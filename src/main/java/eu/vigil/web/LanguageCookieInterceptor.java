package eu.vigil.web;

import eu.vigil.tenancy.VigilUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps the language cookie equal to the signed-in person's language: the session lives in the database, and while
 * the database is down the "temporarily unavailable" page still speaks the reader's language from the cookie.
 */
class LanguageCookieInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof VigilUser user)) {
            return true;
        }
        String code = user.language().code();
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (UserLocaleResolver.COOKIE.equals(cookie.getName()) && code.equals(cookie.getValue())) {
                    return true;
                }
            }
        }
        Cookie cookie = new Cookie(UserLocaleResolver.COOKIE, code);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return true;
    }
}
