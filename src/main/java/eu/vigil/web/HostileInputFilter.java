package eu.vigil.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

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
        if (request.getRequestURI().indexOf('\0') >= 0
                || request.getRequestURI().contains("%00")) {
            HostileInput.refuse(
                    request, response, HttpStatus.BAD_REQUEST, "path", "The address " + HostileInput.NUL_MESSAGE + ".");
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters(request).entrySet()) {
            String name = parameter.getKey();
            boolean hostile = name.indexOf('\0') >= 0;
            for (String value : parameter.getValue()) {
                hostile |= value != null && value.indexOf('\0') >= 0;
            }
            if (hostile) {
                String field = HostileInput.printable(name);
                HostileInput.refuse(
                        request,
                        response,
                        HttpStatus.BAD_REQUEST,
                        field,
                        "Field '" + field + "' " + HostileInput.NUL_MESSAGE + ".");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A multipart body is not parsed here, before authentication: only its query string is checked. */
    private static Map<String, String[]> parameters(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return request.getParameterMap();
        }
        Map<String, String[]> query = new LinkedHashMap<>();
        if (request.getQueryString() != null) {
            UriComponentsBuilder.newInstance()
                    .query(request.getQueryString())
                    .build()
                    .getQueryParams()
                    .forEach((name, values) -> query.put(
                            decode(name),
                            values.stream()
                                    .map(v -> v == null ? null : decode(v))
                                    .toArray(String[]::new)));
        }
        return query;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
