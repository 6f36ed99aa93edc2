package eu.vigil.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Refuses a request body larger than its endpoint takes before reading any of it, so nothing is written
 * to disk: the declared length decides, and a chunked multipart upload, which declares none, is refused too.
 */
class RequestSizeFilter extends OncePerRequestFilter {

    private final UploadLimits limits;
    private final MessageSource messages;
    private final AntPathMatcher paths = new AntPathMatcher();

    RequestSizeFilter(UploadLimits limits, MessageSource messages) {
        this.limits = limits;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        DataSize limit = limitFor(path);
        long declared = request.getContentLengthLong();
        String contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (declared > limit.toBytes()) {
            refuse(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    limit,
                    "The request is larger than the " + describe(limit) + " this endpoint accepts.");
            return;
        }
        // without Content-Length a body comes chunked; with neither header there is no body (RFC 9112 6.3)
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared < 0 && chunked && multipart) {
            refuse(
                    request,
                    response,
                    HttpStatus.LENGTH_REQUIRED,
                    limit,
                    "Send the upload with its length (Content-Length); at most " + describe(limit) + ".");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, DataSize limit, String detail)
            throws IOException {
        // the body is not read: the connection closes rather than draining gigabytes
        response.setHeader("Connection", "close");
        if (HostileInput.isApi(request)) {
            HostileInput.refuse(request, response, status, null, detail);
            return;
        }
        // written here, not by the error page: its dispatch would parse the multipart body this refuses to read
        Locale locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
        String title = HtmlUtils.htmlEscape(messages.getMessage("error.413.title", null, locale));
        String explain =
                HtmlUtils.htmlEscape(messages.getMessage("error.413.explain", new Object[] {describe(limit)}, locale));
        String back = HtmlUtils.htmlEscape(messages.getMessage("action.backHome", null, locale));
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"" + locale.getLanguage()
                        + "\"><head><meta charset=\"utf-8\"><title>"
                        + title
                        + "</title><link rel=\"stylesheet\" href=\"/css/vigil.css\"></head><body><main class=\"card card-narrow\">"
                        + "<div class=\"card-body\"><h1 class=\"h4\" id=\"error-title\">" + title
                        + "</h1><p id=\"error-limit\">" + explain
                        + "</p><a href=\"/\">" + back + "</a></div></main></body></html>");
    }

    DataSize limitFor(String path) {
        for (Map.Entry<String, DataSize> endpoint : limits.endpoints().entrySet()) {
            if (paths.match(endpoint.getKey(), path)) {
                return endpoint.getValue();
            }
        }
        return limits.otherwise();
    }

    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        return (bytes >> 10) + " KB";
    }
}
