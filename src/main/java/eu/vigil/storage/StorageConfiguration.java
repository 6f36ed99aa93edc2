package eu.vigil.storage;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    FileStore fileStore(StorageProperties properties) {
        FileStore store = switch (properties.type()) {
            case LOCAL -> new LocalFileStore(properties.local().root());
            case S3 -> s3(properties.s3());
        };
        log.info("Files that outlive a request are kept in the {}", store.describe());
        return store;
    }

    private static FileStore s3(StorageProperties.S3 s3) {
        if (s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException(
                    "vigil.storage.type is s3 but vigil.storage.s3.bucket (VIGIL_STORAGE_S3_BUCKET) is not set");
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // S3-compatible stores (MinIO, Ceph, s3proxy) do not all take the SDK's default trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        builder.credentialsProvider(
                s3.accessKey() == null || s3.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        URI endpoint =
                s3.endpoint() == null ? URI.create("https://s3." + s3.region() + ".amazonaws.com") : s3.endpoint();
        S3FileStore store = new S3FileStore(builder.build(), s3.bucket(), s3.prefix(), endpoint.toString());
        if (s3.createBucket() && store.createBucketIfMissing()) {
            log.info("Created the bucket {}", s3.bucket());
        }
        return store;
    }
}
