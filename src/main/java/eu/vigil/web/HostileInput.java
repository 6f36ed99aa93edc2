package eu.vigil.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** How a refused request is answered: a problem document for the API, the error page (in the reader's language) otherwise. */
final class HostileInput {

    static final String NUL_MESSAGE = "contains a NUL character (U+0000), which cannot be stored";
    /** Request attribute naming the refused field for the error page. */
    static final String REJECTED_FIELD = HostileInput.class.getName() + ".field";

    private HostileInput() {}

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator/");
    }

    static void refuse(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String field, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        if (isApi(request)) {
            response.resetBuffer();
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                            + status.value() + ",\"detail\":\"" + json(detail) + "\"}");
            return;
        }
        if (field != null) {
            request.setAttribute(REJECTED_FIELD, field);
        }
        response.sendError(status.value());
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** A field name as it may be shown back: printable, short. */
    static String printable(String name) {
        String cleaned = name.replaceAll("[\\p{Cntrl}]", "?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }
}
