package eu.vigil.watchlist;

import eu.vigil.storage.FileStore;
import java.io.IOException;
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
 * Hourly, on one node (a clustered Quartz job): uploads left at their preview for longer than
 * {@code vigil.watchlists.preview-retention} are removed with their stored file, and so are stored upload files no
 * upload waits on any more and the progress counts of imports that ended. Works the same on the local folder and the
 * object store.
 */
@Component
class PreviewHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(PreviewHousekeeping.class);

    private final JdbcTemplate jdbc;
    private final WatchlistProperties properties;
    private final FileStore store;
    private final TransactionTemplate tx;

    PreviewHousekeeping(
            JdbcTemplate jdbc,
            WatchlistProperties properties,
            FileStore store,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.store = store;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** Answers how many previewed uploads were removed. */
    int removeExpired() {
        Instant before = Instant.now().minus(properties.previewRetention());
        List<String> files = tx.execute(status -> jdbc.queryForList(
                "delete from watchlist_import where status = 'PREVIEW' and created_at < ? returning stored_file",
                String.class,
                Timestamp.from(before)));
        for (String file : files) {
            if (file != null) {
                delete(file);
            }
        }
        int strays = removeStrays(before);
        jdbc.update("""
                delete from watchlist_import_progress p where not exists (
                    select 1 from watchlist_import i where i.id = p.import_id and i.status = 'RUNNING')""");
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
    private int removeStrays(Instant before) {
        List<FileStore.StoredFile> kept;
        try {
            kept = store.list(UploadFiles.PREFIX);
        } catch (IOException e) {
            log.warn("Could not look through the stored uploads: {}", e.getMessage());
            return 0;
        }
        Set<String> waiting = new HashSet<>(jdbc.queryForList(
                "select stored_file from watchlist_import where stored_file is not null", String.class));
        int removed = 0;
        for (FileStore.StoredFile file : kept) {
            if (!waiting.contains(file.key()) && file.lastModified().isBefore(before) && delete(file.key())) {
                removed++;
            }
        }
        return removed;
    }

    /** Deletes a stored upload; keys that are not the store's (paths of an older version) are left alone. */
    private boolean delete(String key) {
        try {
            return key.startsWith(UploadFiles.PREFIX) && store.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete the upload {}: {}", key, e.getMessage());
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
