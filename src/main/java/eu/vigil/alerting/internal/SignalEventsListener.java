package eu.vigil.alerting.internal;

import eu.vigil.signal.SignalEventsRecorded;
import java.time.Duration;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Hears of every batch of committed signal events (through the event publication registry, so across restarts)
 * and fans it out into alerts and outbox rows, slice by slice. A batch whose handling failed is
 * resubmitted by a clustered job a minute later; handling it twice changes nothing.
 */
@Component
class SignalEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SignalEventsListener.class);
    static final Duration RESUBMIT_AFTER = Duration.ofMinutes(1);

    private final FanOut fanOut;

    SignalEventsListener(FanOut fanOut) {
        this.fanOut = fanOut;
    }

    // no transaction around the whole batch: the fan-out commits slice by slice, so the first emails need not wait for
    // the last
    @ApplicationModuleListener(id = "alerting.fan-out", propagation = Propagation.NOT_SUPPORTED)
    void on(SignalEventsRecorded recorded) {
        long started = System.nanoTime();
        FanOut.Result result = fanOut.fanOut(recorded.eventIds(), recorded.companyIds());
        if (result.alerts() > 0) {
            log.info(
                    "Alerting: {} signal events of run #{} ({}) raised {} alerts and {} outbox rows in {} ms",
                    recorded.eventIds().size(),
                    recorded.runId(),
                    recorded.source(),
                    result.alerts(),
                    result.outboxRows(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @DisallowConcurrentExecution
    static class ResubmitJob implements Job {

        private final ObjectProvider<FailedEventPublications> failed;

        ResubmitJob(ObjectProvider<FailedEventPublications> failed) {
            this.failed = failed;
        }

        @Override
        public void execute(JobExecutionContext context) {
            Instant before = Instant.now().minus(RESUBMIT_AFTER);
            failed.ifAvailable(publications -> publications.resubmit(ResubmissionOptions.defaults()
                    .withMinAge(RESUBMIT_AFTER)
                    .withFilter(p -> p.getEvent() instanceof SignalEventsRecorded
                            && (p.getLastResubmissionDate() == null
                                            ? p.getPublicationDate()
                                            : p.getLastResubmissionDate())
                                    .isBefore(before))));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail alertingResubmitJob() {
            return JobBuilder.newJob(ResubmitJob.class)
                    .withIdentity("alerting-resubmit", "alerting")
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger alertingResubmitTrigger(JobDetail alertingResubmitJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(alertingResubmitJob)
                    .withIdentity("alerting-resubmit", "alerting")
                    .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever())
                    .build();
        }
    }
}
