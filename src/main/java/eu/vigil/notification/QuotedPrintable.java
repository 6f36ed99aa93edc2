package eu.vigil.notification;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045 §6.7) for text bodies, from a string to the bytes sent, in one pass over an array: Jakarta
 * Mail's encoder writes a byte at a time through a chain of streams, which was half the CPU of sending an alert. Line
 * breaks (CRLF, LF or CR) become CRLF; a space or tab before one is encoded; lines are at most 76 characters, longer
 * ones broken with a soft line break ({@code =} at the end).
 */
final class QuotedPrintable {

    private static final int MAX_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private QuotedPrintable() {}

    static byte[] encode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[Math.max(16, in.length + in.length / 8 + 16)];
        int n = 0;
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\r' || b == '\n') {
                if (b == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
                    i++;
                }
                out = room(out, n, 2);
                out[n++] = '\r';
                out[n++] = '\n';
                column = 0;
                continue;
            }
            boolean lineEnds = i + 1 == in.length || in[i + 1] == '\r' || in[i + 1] == '\n';
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
            int width = literal ? 1 : 3;
            // the last character of a line may take the 76th column; any other leaves room for the soft break's "="
            int limit = lineEnds ? MAX_LINE : MAX_LINE - 1;
            out = room(out, n, width + 3);
            if (column + width > limit) {
                out[n++] = '=';
                out[n++] = '\r';
                out[n++] = '\n';
                column = 0;
            }
            if (literal) {
                out[n++] = (byte) b;
            } else {
                out[n++] = '=';
                out[n++] = HEX[b >> 4];
                out[n++] = HEX[b & 0xf];
            }
            column += width;
        }
        return Arrays.copyOf(out, n);
    }

    private static byte[] room(byte[] out, int used, int needed) {
        return used + needed <= out.length ? out : Arrays.copyOf(out, Math.max(out.length * 2, used + needed));
    }
}
