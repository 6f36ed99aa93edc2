package eu.vigil.feed.connect;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sources Vigil pulls by itself (src/docs/configuration.md, "Feed connections"). Every one is off unless
 * enabled; credentials are named here by the environment variable that holds them, never given.
 *
 * @param lease        how long an instance holds a source without renewing it; another takes over after that
 * @param minBackoff   the wait after a first failure (a dropped connection, a 5xx); it doubles with each further one
 * @param maxBackoff   the longest wait after failures that may mend themselves
 * @param refusedRetry the wait after an answer that will not mend by itself (a wrong credential, a changed format, a
 *                     web page instead of data): a clear state on the feed page, not a retry loop
 * @param idleTimeout  a stream that sends nothing, not even a heartbeat, for this long is taken as dropped
 */
@ConfigurationProperties("vigil.feeds.connections")
public record ConnectionProperties(
        @DefaultValue("30s") Duration lease,
        @DefaultValue("1s") Duration minBackoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("30m") Duration refusedRetry,
        @DefaultValue("90s") Duration idleTimeout,
        @DefaultValue CompaniesHouse companiesHouse,
        @DefaultValue Bodacc bodacc,
        @DefaultValue Kbo kbo,
        Map<String, FileDrop> files) {

    public Map<String, FileDrop> files() {
        return files == null ? Map.of() : files;
    }

    /**
     * @param keyVariable  the environment variable holding the stream key
     * @param commitEvents a run is committed after this many events ...
     * @param commitEvery  ... or this long after the first event it holds, whichever comes first
     * @param silentAfter  no event for this long makes the feed late on the platform admin's home
     */
    public record CompaniesHouse(
            @DefaultValue("false") boolean enabled,

            @DefaultValue("https://stream.companieshouse.gov.uk")
            URI endpoint,

            @DefaultValue({"companies", "officers", "insolvency-cases", "charges", "disqualified-officers"})
            List<String> streams,

            @DefaultValue("VIGIL_CH_STREAM_KEY") String keyVariable,
            @DefaultValue("2000") int commitEvents,
            @DefaultValue("5s") Duration commitEvery,
            @DefaultValue("2h") Duration silentAfter) {}

    /**
     * @param interval    how often the dataset is asked for new notices
     * @param startFrom   the first publication date taken when the connection has no position yet (unset: yesterday)
     * @param pageSize    records per request (the API allows at most 100)
     * @param runRecords  a run is committed after this many notices
     * @param silentAfter no notice for this long makes the feed late (BODACC publishes on working days)
     */
    public record Bodacc(
            @DefaultValue("false") boolean enabled,

            @DefaultValue(
                    "https://bodacc-datadila.opendatasoft.com/api/explore/v2.1/catalog/datasets/annonces-commerciales/records")
            URI endpoint,

            @DefaultValue("15m") Duration interval,
            LocalDate startFrom,
            @DefaultValue("100") int pageSize,
            @DefaultValue("5000") int runRecords,
            @DefaultValue("4d") Duration silentAfter) {}

    /**
     * @param userVariable     the environment variable holding the KBO Open Data account's user name
     * @param passwordVariable the environment variable holding its password
     * @param interval         how often the listing is read (KBO publishes an Update a day)
     * @param preferFull       take a Full rather than the Update of the same number (a monthly refresh, when told to)
     * @param silentAfter      no new extract for this long makes the feed late
     */
    public record Kbo(
            @DefaultValue("false") boolean enabled,

            @DefaultValue("https://kbopub.economie.fgov.be/kbo-open-data")
            URI endpoint,

            @DefaultValue("VIGIL_KBO_USER") String userVariable,
            @DefaultValue("VIGIL_KBO_PASSWORD") String passwordVariable,
            @DefaultValue("6h") Duration interval,
            @DefaultValue("false") boolean preferFull,
            @DefaultValue("3d") Duration silentAfter) {}

    /**
     * Where the bureau's or the accounts' files are fetched (the key, {@code bureau} or {@code accounts}, is the source).
     *
     * @param url              {@code sftp://user@host:port/folder} (files after the last applied, by name) or
     *                         {@code https://…} (one file, applied when its content changed)
     * @param userVariable     the environment variable holding the HTTPS user (SFTP: the user is in the URL)
     * @param passwordVariable the environment variable holding the password
     * @param knownHosts       an OpenSSH known_hosts file with the SFTP server's key (unset: the key is not checked)
     */
    public record FileDrop(
            @DefaultValue("false") boolean enabled,
            URI url,
            String userVariable,
            String passwordVariable,
            String knownHosts,
            @DefaultValue("1h") Duration interval,
            @DefaultValue("2d") Duration silentAfter) {}
}
