package eu.vigil.feed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** Small feed files written inline, and Belgian numbers no other test uses. */
public final class FeedLines {

    /** Enterprise numbers from 0890.000.000 upward are left to the record-feed tests. */
    private static final AtomicLong NEXT = new AtomicLong(8_900_000 + (System.nanoTime() % 1000) * 100);

    private FeedLines() {
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
