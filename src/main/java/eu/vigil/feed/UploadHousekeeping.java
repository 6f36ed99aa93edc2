package eu.vigil.feed;

import eu.vigil.feed.internal.RunStore;
import eu.vigil.storage.FileStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * Daily, on one node: deletes uploaded extracts whose run finished longer ago than the retention.
 * Only files inside the uploads folder are touched; the run keeps its counts and quarantine.
 */
@DisallowConcurrentExecution
class UploadHousekeeping implements Job {

    private static final Logger log = LoggerFactory.getLogger(UploadHousekeeping.class);

    private final RunStore runs;
    private final FeedProperties properties;
    private final FileStore files;

    UploadHousekeeping(RunStore runs, FeedProperties properties, FileStore files) {
        this.runs = runs;
        this.properties = properties;
        this.files = files;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int removed = removeExpired();
        if (removed > 0) {
            log.info("Removed {} uploaded extracts older than {}", removed, properties.uploadRetention());
        }
    }

    int removeExpired() {
        Path uploads = Path.of(properties.uploads()).toAbsolutePath().normalize();
        int removed = 0;
        for (var run : runs.finishedUploadsBefore(Instant.now().minus(properties.uploadRetention()))) {
            if (run.getValue().startsWith(FeedIngestion.UPLOADS)) {
                try {
                    files.delete(run.getValue());
                    runs.forgetFile(run.getKey());
                    removed++;
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded extract of run #{}: {}", run.getKey(), e.getMessage());
                }
                continue;
            }
            // extracts kept in the uploads folder by an earlier version
            Path file = Path.of(run.getValue()).toAbsolutePath().normalize();
            if (!file.startsWith(uploads)) {
                continue;
            }
            try {
                Files.deleteIfExists(file);
                runs.forgetFile(run.getKey());
                removed++;
            } catch (IOException e) {
                log.warn("Could not delete the uploaded extract of run #{}: {}", run.getKey(), e.getMessage());
            }
        }
        return removed;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail uploadHousekeepingJob() {
            return JobBuilder.newJob(UploadHousekeeping.class)
                    .withIdentity("upload-housekeeping", "feed")
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger uploadHousekeepingTrigger(JobDetail uploadHousekeepingJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(uploadHousekeepingJob)
                    .withIdentity("upload-housekeeping", "feed")
                    .withSchedule(SimpleScheduleBuilder.repeatHourlyForever(24)
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
