package eu.vigil.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the two kinds of database error a caller did not cause into an honest answer: the database
 * unreachable is a 503 "temporarily unavailable" (the pool gives up within seconds, and the next
 * request tries again), and a value PostgreSQL refuses as data (too long, out of range, a NUL) is a 400.
 */
class DatabaseFaultsFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseFaultsFilter.class);

    private final DataSource dataSource;

    DatabaseFaultsFilter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (isDatabaseUnavailable(e) || (sqlState(e) == null && hasSqlCause(e) && !databaseAnswers())) {
                log.warn(
                        "Database unavailable for {} {}: {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        rootMessage(e));
                response.setHeader("Retry-After", "10");
                HostileInput.refuse(
                        request,
                        response,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        null,
                        "Vigil is temporarily unavailable. Please try again in a moment.");
                return;
            }
            String dataError = sqlState(e);
            if (dataError != null && dataError.startsWith("22")) {
                log.info(
                        "Refused a value the database cannot store ({}) for {} {}",
                        dataError,
                        request.getMethod(),
                        request.getRequestURI());
                HostileInput.refuse(
                        request,
                        response,
                        HttpStatus.BAD_REQUEST,
                        null,
                        "A value is too long, out of range or holds characters that cannot be stored.");
                return;
            }
            throw e;
        }
    }

    /** A connection that died mid-request can surface as a bare "connection is closed": then ask the database itself. */
    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static boolean hasSqlCause(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    static boolean isDatabaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().equals("57P01")
                            || sql.getSQLState().equals("57P03"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
