package eu.vigil.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Files in a bucket of an S3-compatible object store that every node reads and writes. */
final class S3FileStore implements FileStore, AutoCloseable {

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final String endpoint;

    S3FileStore(S3Client client, String bucket, String prefix, String endpoint) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix == null || prefix.isBlank() ? "" : FileStore.checked(prefix.replaceAll("/*$", "")) + "/";
        this.endpoint = endpoint;
    }

    /** Makes the bucket when it is not there yet; answers whether it made it. */
    boolean createBucketIfMissing() {
        try {
            client.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
            return false;
        } catch (NoSuchBucketException e) {
            return create();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            return create();
        }
    }

    private boolean create() {
        try {
            client.createBucket(b -> b.bucket(bucket));
            return true;
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException e) {
            // another node made it a moment ago
            return false;
        }
    }

    @Override
    public void put(String key, Path file) throws IOException {
        try {
            client.putObject(b -> b.bucket(bucket).key(object(key)), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("Could not store " + key + " in " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return client.getObject(b -> b.bucket(bucket).key(object(key)), ResponseTransformer.toInputStream());
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            throw new IOException("Could not read " + key + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public LocalCopy copy(String key) throws IOException {
        // the name's ending stays: readers tell a zip from a CSV by it
        Path download = Files.createTempFile("vigil-", "-" + key.substring(key.lastIndexOf('/') + 1));
        try (InputStream in = open(key)) {
            Files.copy(in, download, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(download);
            throw e;
        }
        return new LocalCopy() {
            @Override
            public Path path() {
                return download;
            }

            @Override
            public void close() throws IOException {
                Files.deleteIfExists(download);
            }
        };
    }

    @Override
    public boolean delete(String key) throws IOException {
        try {
            try {
                client.headObject(HeadObjectRequest.builder()
                        .bucket(bucket)
                        .key(object(key))
                        .build());
            } catch (NoSuchKeyException e) {
                return false;
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return false;
                }
                throw e;
            }
            client.deleteObject(b -> b.bucket(bucket).key(object(key)));
            return true;
        } catch (SdkException e) {
            throw new IOException("Could not delete " + key + " from " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredFile> list(String keyPrefix) throws IOException {
        List<StoredFile> files = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(prefix + keyPrefix))
                    .contents()) {
                files.add(
                        new StoredFile(object.key().substring(prefix.length()), object.size(), object.lastModified()));
            }
        } catch (SdkException e) {
            throw new IOException("Could not list " + keyPrefix + " in " + describe() + ": " + e.getMessage(), e);
        }
        return files;
    }

    @Override
    public String describe() {
        return "bucket " + bucket + (prefix.isEmpty() ? "" : "/" + prefix) + " at " + endpoint;
    }

    @Override
    public void close() {
        client.close();
    }

    private String object(String key) {
        return prefix + FileStore.checked(key);
    }
}
