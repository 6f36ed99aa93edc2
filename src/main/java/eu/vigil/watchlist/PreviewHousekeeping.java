package eu.vigil.watchlist;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hourly, on one node: uploads left at their preview for longer than {@code vigil.watchlists.preview-retention}
 * are removed with their stored file, and so are files in the uploads folder no upload waits on any more.
 */
@Component
class PreviewHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(PreviewHousekeeping.class);

    private final JdbcTemplate jdbc;
    private final WatchlistProperties properties;
    private final TransactionTemplate tx;

    PreviewHousekeeping(
            JdbcTemplate jdbc, WatchlistProperties properties, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** Answers how many previewed uploads were removed. */
    int removeExpired() {
        Instant before = Instant.now().minus(properties.previewRetention());
        List<String> files = tx.execute(status -> jdbc.queryForList(
                "delete from watchlist_import where status = 'PREVIEW' and created_at < ? returning stored_file",
                String.class,
                Timestamp.from(before)));
        Path uploads = properties.uploads().toAbsolutePath().normalize();
        for (String file : files) {
            if (file != null) {
                delete(uploads, Path.of(file));
            }
        }
        int strays = removeStrays(uploads, before);
        if (!files.isEmpty() || strays > 0) {
            log.info(
                    "Removed {} watchlist uploads left at their preview and {} stray upload files, older than {}",
                    files.size(),
                    strays,
                    properties.previewRetention());
        }
        return files.size();
    }

    /** Files a crash or a failed request left behind: older than the retention and named by no upload. */
    private int removeStrays(Path uploads, Instant before) {
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        Set<Path> waiting = new HashSet<>();
        jdbc.queryForList("select stored_file from watchlist_import where stored_file is not null", String.class)
                .forEach(f -> waiting.add(Path.of(f).toAbsolutePath().normalize()));
        int removed = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(uploads, "*.upload")) {
            for (Path file : stream) {
                Path path = file.toAbsolutePath().normalize();
                if (!waiting.contains(path)
                        && Files.getLastModifiedTime(path).toInstant().isBefore(before)
                        && delete(uploads, path)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not look through {}: {}", uploads, e.getMessage());
        }
        return removed;
    }

    /** Deletes a file inside the uploads folder, never elsewhere. */
    private static boolean delete(Path uploads, Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!path.startsWith(uploads)) {
            return false;
        }
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}: {}", path, e.getMessage());
            return false;
        }
    }

    @DisallowConcurrentExecution
    static class HousekeepingJob implements Job {

        private final PreviewHousekeeping housekeeping;

        HousekeepingJob(PreviewHousekeeping housekeeping) {
            this.housekeeping = housekeeping;
        }

        @Override
        public void execute(JobExecutionContext context) {
            housekeeping.removeExpired();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail watchlistPreviewHousekeepingJob() {
            return JobBuilder.newJob(HousekeepingJob.class)
                    .withIdentity("watchlist-preview-housekeeping", "watchlist")
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger watchlistPreviewHousekeepingTrigger(JobDetail watchlistPreviewHousekeepingJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(watchlistPreviewHousekeepingJob)
                    .withIdentity("watchlist-preview-housekeeping", "watchlist")
                    .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
