package eu.vigil.support;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A portal session as a browser keeps it, for MockMvc: sessions live in the database (Spring Session), found by the
 * SESSION cookie, so a test carries the cookie the last answer set to the next request, as a browser does.
 */
public final class SessionCookie implements RequestPostProcessor {

    public static final String NAME = "SESSION";

    private Cookie cookie;

    /** Keeps the session cookie {@code result} set (or dropped), and answers {@code result}. */
    public MvcResult keep(MvcResult result) {
        Cookie set = result.getResponse().getCookie(NAME);
        if (set != null) {
            cookie = set.getMaxAge() == 0 ? null : set;
        }
        return result;
    }

    /** The session's id as the cookie carries it; null before the first session. */
    public String value() {
        return cookie == null ? null : cookie.getValue();
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        if (cookie != null) {
            request.setCookies(new Cookie(NAME, cookie.getValue()));
        }
        return request;
    }
}
