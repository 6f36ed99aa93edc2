package eu.vigil.feed;

import eu.vigil.storage.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Watches {@code <inbox>/<source>/} and, in the file store, {@code feed-inbox/<source>/} for extracts (on one node of
 * the cluster at a time: a clustered Quartz job), applies them oldest name first, and moves each to {@code done/} or
 * {@code failed/} (with a note saying why). With several nodes, extracts arrive through the store: whichever node runs
 * the job takes the file, and one that dies halfway leaves it where it was for the next sweep (its run is rolled back).
 */
@DisallowConcurrentExecution
class FeedInbox implements Job {

    private static final Logger log = LoggerFactory.getLogger(FeedInbox.class);

    /** Where extracts arrive in the file store, by source. */
    static final String STORE_INBOX = "feed-inbox/";

    private final FeedIngestion ingestion;
    private final FeedProperties properties;
    private final FileStore files;

    FeedInbox(FeedIngestion ingestion, FeedProperties properties, FileStore files) {
        this.ingestion = ingestion;
        this.properties = properties;
        this.files = files;
    }

    @Override
    public void execute(JobExecutionContext context) {
        for (String source : ingestion.sources()) {
            try {
                sweep(source);
            } catch (IOException e) {
                log.error("Could not read the {} inbox: {}", source, e.getMessage());
            }
            try {
                sweepStore(source);
            } catch (IOException | RuntimeException e) {
                log.error("Could not read the {} inbox in the {}: {}", source, files.describe(), e.getMessage());
            }
        }
    }

    /** Applies every extract waiting under {@code feed-inbox/<source>/} in the file store, oldest name first. */
    List<RunView> sweepStore(String source) throws IOException {
        String prefix = STORE_INBOX + source + "/";
        Instant settledBefore = Instant.now().minusSeconds(2);
        List<FileStore.StoredFile> waiting = files.list(prefix).stream()
                .filter(f -> isExtract(f.key().substring(prefix.length())))
                .filter(f -> f.lastModified().isBefore(settledBefore))
                .toList();
        List<RunView> done = new java.util.ArrayList<>();
        for (FileStore.StoredFile file : waiting) {
            String name = file.key().substring(prefix.length());
            RunView run;
            try (InputStream in = files.open(file.key())) {
                run = ingestion.ingestNow(source, in, name, false, "inbox");
            }
            boolean ok = "COMPLETED".equals(run.status());
            String target = prefix + (ok ? "done/" : "failed/") + name;
            try (FileStore.LocalCopy copy = files.copy(file.key())) {
                files.put(target, copy.path());
            }
            files.delete(file.key());
            if (!ok) {
                Path reason = Files.createTempFile("vigil-reason-", ".txt");
                try {
                    Files.writeString(
                            reason,
                            "Run #" + run.id() + " " + run.status() + ": " + run.error() + System.lineSeparator());
                    files.put(target + ".reason.txt", reason);
                } finally {
                    Files.deleteIfExists(reason);
                }
            }
            log.info("Inbox {} in the file store: run #{} {} -> {}", source, run.id(), run.status(), target);
            done.add(run);
        }
        return done;
    }

    /** A name right in the source's folder (not in done/ or failed/), not hidden, with an extract's ending. */
    private static boolean isExtract(String name) {
        return !name.contains("/")
                && !name.startsWith(".")
                && EXTRACT_SUFFIXES.stream().anyMatch(name.toLowerCase(java.util.Locale.ROOT)::endsWith);
    }

    /** What an extract file is called: a KBO zip, or a record-per-line file of the accounts and bureau feeds. */
    private static final List<String> EXTRACT_SUFFIXES = List.of(".zip", ".jsonl", ".ndjson", ".json", ".csv", ".gz");

    /** Applies every extract waiting in the source's inbox; answers the runs in the order they were made. */
    List<RunView> sweep(String source) throws IOException {
        Path inbox = Path.of(properties.inbox(), source);
        Files.createDirectories(inbox.resolve("done"));
        Files.createDirectories(inbox.resolve("failed"));
        List<Path> waiting;
        try (Stream<Path> files = Files.list(inbox)) {
            waiting = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> EXTRACT_SUFFIXES.stream()
                            .anyMatch(f.getFileName().toString().toLowerCase(java.util.Locale.ROOT)::endsWith))
                    .filter(FeedInbox::settled)
                    .sorted()
                    .toList();
        }
        List<RunView> done = new java.util.ArrayList<>();
        for (Path file : waiting) {
            RunView run;
            try (InputStream in = Files.newInputStream(file)) {
                run = ingestion.ingestNow(source, in, file.getFileName().toString(), false, "inbox");
            }
            boolean ok = "COMPLETED".equals(run.status());
            Path target = inbox.resolve(ok ? "done" : "failed").resolve(file.getFileName());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            if (!ok) {
                Files.writeString(
                        inbox.resolve("failed").resolve(file.getFileName() + ".reason.txt"),
                        "Run #" + run.id() + " " + run.status() + ": " + run.error() + System.lineSeparator());
            }
            log.info("Inbox {}: run #{} {} -> {}", source, run.id(), run.status(), target);
            done.add(run);
        }
        return done;
    }

    /** A file still being copied into the inbox is left for the next sweep. */
    private static boolean settled(Path file) {
        try {
            return Files.getLastModifiedTime(file)
                    .toInstant()
                    .isBefore(Instant.now().minusSeconds(2));
        } catch (IOException e) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail feedInboxJob() {
            return JobBuilder.newJob(FeedInbox.class)
                    .withIdentity("feed-inbox", "feed")
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger feedInboxTrigger(JobDetail feedInboxJob, FeedProperties properties) {
            return TriggerBuilder.newTrigger()
                    .forJob(feedInboxJob)
                    .withIdentity("feed-inbox", "feed")
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                            .withIntervalInMilliseconds(
                                    properties.inboxInterval().toMillis())
                            .repeatForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
