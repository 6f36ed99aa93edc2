package eu.vigil.storage;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param type  {@code local} (a folder on this node: one node only) or {@code s3} (an S3-compatible object store that
 *              every node shares)
 * @param local the folder of {@code local}
 * @param s3    the object store of {@code s3}
 */
@Validated
@ConfigurationProperties("vigil.storage")
public record StorageProperties(
        @DefaultValue("local") @NotNull Type type,
        @DefaultValue Local local,
        @DefaultValue S3 s3) {

    public enum Type {
        LOCAL,
        S3
    }

    /** @param root the folder that holds the files */
    public record Local(
            @DefaultValue("./data/files") @NotNull Path root) {}

    /**
     * @param endpoint     the store's address (MinIO: http://minio:9000); none for AWS itself
     * @param region       the region the client signs for
     * @param bucket       the bucket that holds Vigil's files
     * @param prefix       a folder inside the bucket for all keys (empty: the bucket's top)
     * @param accessKey    the access key id; none to use the AWS default chain (environment, instance profile)
     * @param secretKey    the secret of the access key
     * @param pathStyle    addresses as endpoint/bucket/key (MinIO and most S3-compatible stores) instead of
     *                     bucket.endpoint/key
     * @param createBucket creates the bucket at start when it does not exist (development, Compose)
     */
    public record S3(
            URI endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            @DefaultValue("") String prefix,
            String accessKey,
            String secretKey,
            @DefaultValue("true") boolean pathStyle,
            @DefaultValue("false") boolean createBucket) {}
}
