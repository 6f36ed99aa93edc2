package eu.vigil.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param inbox          one folder per source (e.g. {@code <inbox>/kbo}) watched for extracts; files move to done/ or failed/
 * @param uploads        where uploaded extracts are kept while and after they are ingested
 * @param inboxInterval  how often the inbox is looked at
 * @param uploadRetention how long an uploaded extract is kept after its run finished
 */
@ConfigurationProperties("vigil.feeds")
public record FeedProperties(
        @DefaultValue("./data/inbox") String inbox,
        @DefaultValue("./data/uploads") String uploads,
        @DefaultValue("30s") Duration inboxInterval,
        @DefaultValue("30d") Duration uploadRetention) {
}
