package eu.vigil.feed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** Small feed files written inline, and Belgian, British and French numbers no other test uses. */
public final class FeedLines {

    /** Enterprise numbers from 0890.000.000 upward are left to the record-feed tests. */
    private static final AtomicLong NEXT = new AtomicLong(8_900_000);

    /** Companies House numbers from 70000000 upward, SIRENs from 700000000 upward: left to the feed tests. */
    private static final AtomicLong NEXT_GB = new AtomicLong(70_000_000);

    private static final AtomicLong NEXT_FR = new AtomicLong(70_000_000);

    private FeedLines() {}

    /** A fresh Companies House company number, eight digits. */
    public static String britishNumber() {
        return Long.toString(NEXT_GB.incrementAndGet());
    }

    /** A fresh valid SIREN: nine digits, the last a Luhn check digit. */
    public static String siren() {
        String first8 = Long.toString(NEXT_FR.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int digit = first8.charAt(7 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return first8 + (10 - sum % 10) % 10;
    }

    /** A fresh valid Belgian enterprise number, ten digits. */
    public static String belgianNumber() {
        long first8 = NEXT.incrementAndGet();
        return "%08d%02d".formatted(first8, 97 - first8 % 97);
    }

    public static ByteArrayInputStream file(String... lines) {
        return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
