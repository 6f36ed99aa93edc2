package eu.vigil.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param inbox          one folder per source (e.g. {@code <inbox>/kbo}) watched for extracts; files move to done/ or failed/
 * @param uploads        where uploaded extracts are kept while and after they are ingested
 * @param inboxInterval  how often the inbox is looked at
 * @param uploadRetention how long an uploaded extract is kept after its run finished
 * @param limits         how big the parts of an extract may be when read
 */
@ConfigurationProperties("vigil.feeds")
public record FeedProperties(
        @DefaultValue("./data/inbox") String inbox,
        @DefaultValue("./data/uploads") String uploads,
        @DefaultValue("30s") Duration inboxInterval,
        @DefaultValue("30d") Duration uploadRetention,
        @DefaultValue Limits limits) {

    /**
     * What one file of an extract (a zip entry, a plain or gzipped file) may hold when read; beyond any of
     * them the run fails as a damaged or oversized file, naming the part and the limit.
     *
     * @param maxUnpackedSize  the unpacked size of one file
     * @param maxInflateRatio  how many times its compressed size a zip entry or gzip file may unpack to (past the first 16 MB)
     * @param maxLineLength    characters in one line (CSV, JSON Lines) or one record of a JSON array
     * @param maxFieldLength   characters in one CSV cell
     */
    public record Limits(
            @DefaultValue("8GB") DataSize maxUnpackedSize,
            @DefaultValue("100") int maxInflateRatio,
            @DefaultValue("1048576") int maxLineLength,
            @DefaultValue("262144") int maxFieldLength) {

        public static Limits defaults() {
            return new Limits(DataSize.ofGigabytes(8), 100, 1_048_576, 262_144);
        }
    }
}
