package eu.vigil.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in the database. While it cannot be reached, a request that carries a session is answered with
 * Vigil's "temporarily unavailable" ({@link DatabaseFaultsFilter}) rather than sent to sign in again, and that page
 * itself renders without a session (in the language of the {@code vigil-lang} cookie).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreOutage {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreOutage.class);

    /** Whether the session store failed during this thread's current request. */
    private static final ThreadLocal<Boolean> FAILED = ThreadLocal.withInitial(() -> false);

    /** The transactions Spring Session JDBC runs its statements in (it looks this bean up by name). */
    @Bean("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                try {
                    return tx.execute(action);
                } catch (TransactionException | DataAccessException e) {
                    // a store that fails (down, connections dropped) leaves the request without a session
                    log.debug("Session store unreachable, the session is skipped: {}", e.getMessage());
                    FAILED.set(true);
                    return null;
                }
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionStoreCheck() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                FAILED.set(false);
                try {
                    request.getSession(false);
                    if (FAILED.get() && carriesSession(request)) {
                        throw new CannotGetJdbcConnectionException("The session store cannot be reached");
                    }
                    chain.doFilter(request, response);
                } finally {
                    FAILED.remove();
                }
            }
        });
        // right after Spring Session's filter, inside DatabaseFaultsFilter
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    private static boolean carriesSession(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return false;
        }
        for (Cookie cookie : request.getCookies()) {
            if ("SESSION".equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
