package eu.vigil.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Throttles sign-in attempts and records them, with one message for every failure. */
@Component
class SignInHandlers {

    static final String EMAIL_PARAMETER = "email";

    private final LoginThrottle throttle;
    private final UserManagement userManagement;

    SignInHandlers(LoginThrottle throttle, UserManagement userManagement) {
        this.throttle = throttle;
        this.userManagement = userManagement;
    }

    /** Holds back a client that failed too often, before its password is even checked; others pass. */
    OncePerRequestFilter lockCheck() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !("POST".equals(request.getMethod())
                        && (request.getContextPath() + "/login").equals(request.getRequestURI()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String email = request.getParameter(EMAIL_PARAMETER);
                if (throttle.mustWait(email, request.getRemoteAddr())) {
                    userManagement.recordFailedSignIn(email, true);
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String email = request.getParameter(EMAIL_PARAMETER);
            boolean locked = throttle.recordFailure(email, request.getRemoteAddr());
            userManagement.recordFailedSignIn(email, locked);
            response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
        };
    }

    SavedRequestAwareAuthenticationSuccessHandler success() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws ServletException, IOException {
                if (authentication.getPrincipal() instanceof VigilUser user) {
                    throttle.recordSuccess(request.getParameter(EMAIL_PARAMETER), request.getRemoteAddr());
                    userManagement.recordSignIn(user.userId());
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        // the page asked for before signing in, by its path only: its full URL was built from the request's Host header
        handler.setRedirectStrategy((request, response, url) -> {
            URI target = URI.create(url);
            String path = !target.isAbsolute()
                    ? request.getContextPath() + url
                    : (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                            + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            response.sendRedirect(response.encodeRedirectURL(path));
        });
        return handler;
    }
}
