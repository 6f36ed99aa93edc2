package eu.vigil.company;

import java.io.IOException;
import java.io.Writer;

/** Escapes a value for PostgreSQL's COPY text format. */
public final class CopyText {

    private CopyText() {}

    public static void escape(String value, Writer out) throws IOException {
        if (value == null) {
            out.write("\\N");
            return;
        }
        if (value.indexOf('\\') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            out.write(value);
            return;
        }
        int start = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null) {
                out.write(value, start, i - start);
                out.write(replacement);
                start = i + 1;
            }
        }
        out.write(value, start, value.length() - start);
    }
}
