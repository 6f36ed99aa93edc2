package eu.vigil.feed.internal;

import eu.vigil.feed.FeedProperties;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/** The unpacked bytes of one part of an extract, counted as they are read and stopped at the limits. */
final class BoundedInputStream extends FilterInputStream {

    private static final long RATIO_GRACE = 16L << 20;

    private final String part;
    private final long maxBytes;
    private final int maxRatio;
    private final LongSupplier compressed;
    private long count;

    /** @param compressed the compressed bytes behind what was read so far, or null when the part is not compressed */
    BoundedInputStream(InputStream in, String part, FeedProperties.Limits limits, LongSupplier compressed) {
        super(in);
        this.part = part;
        this.maxBytes = limits.maxUnpackedSize().toBytes();
        this.maxRatio = limits.maxInflateRatio();
        this.compressed = compressed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    private void counted(int bytes) {
        count += bytes;
        if (count > maxBytes) {
            throw new OversizedFileException(part, "unpacks to more than " + maxBytes + " bytes", "max-unpacked-size");
        }
        if (compressed != null && count > RATIO_GRACE) {
            long packed = Math.max(1, compressed.getAsLong());
            if (count / packed > maxRatio) {
                throw new OversizedFileException(
                        part,
                        "unpacks to more than " + maxRatio + " times its compressed size (" + packed + " bytes)",
                        "max-inflate-ratio");
            }
        }
    }
}
