package eu.vigil.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 naming the field, any query or form parameter holding a NUL character (PostgreSQL
 * cannot store one), and answers a direct request for the error page as a page that does not exist.
 */
class HostileInputFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/error") || path.startsWith("/error/")) {
            response.sendError(HttpStatus.NOT_FOUND.value());
            return;
        }
        if (request.getRequestURI().indexOf('\0') >= 0 || request.getRequestURI().contains("%00")) {
            HostileInput.refuse(request, response, HttpStatus.BAD_REQUEST, "path", "The address " + HostileInput.NUL_MESSAGE + ".");
            return;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            boolean hostile = name.indexOf('\0') >= 0;
            for (String value : parameter.getValue()) {
                hostile |= value != null && value.indexOf('\0') >= 0;
            }
            if (hostile) {
                String field = HostileInput.printable(name);
                HostileInput.refuse(request, response, HttpStatus.BAD_REQUEST, field,
                        "Field '" + field + "' " + HostileInput.NUL_MESSAGE + ".");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
