package eu.vigil.watchlist;

import eu.vigil.feed.FeedRunCompleted;
import eu.vigil.signal.SignalEventsRecorded;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.internal.EntryStore;
import eu.vigil.watchlist.internal.Lights;
import java.util.HashSet;
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
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps entries and lights up to date as feeds run: when a run commits, pending entries whose company
 * it brought are matched, and the lights of watched companies it recorded signal events for are
 * recomputed. An hourly job on one node is the safety net.
 */
@Component
public class WatchlistMaintenance {

    private static final Logger log = LoggerFactory.getLogger(WatchlistMaintenance.class);

    private final EntryStore store;
    private final Lights lights;
    private final TransactionTemplate tx;

    WatchlistMaintenance(EntryStore store, Lights lights, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.lights = lights;
        this.tx = new TransactionTemplate(transactionManager);
    }

    /** A run brought companies: pending numbers among them become entries of those companies, with their light. */
    @ApplicationModuleListener(id = "watchlist.match-pending")
    void on(FeedRunCompleted run) {
        TenantContext.runAsPlatform(() -> {
            Set<Long> matched = store.matchPending();
            lights.refresh(matched);
            if (!matched.isEmpty()) {
                log.info(
                        "Watchlists: run #{} ({}) matched pending entries of {} companies",
                        run.runId(),
                        run.source(),
                        matched.size());
            }
        });
    }

    /** A run recorded signal events: the lights of the watched companies among theirs are recomputed. */
    @ApplicationModuleListener(id = "watchlist.refresh-lights")
    void on(SignalEventsRecorded recorded) {
        TenantContext.runAsPlatform(() -> lights.refresh(lights.litAmong(recorded.companyIds())));
    }

    /** Matches pending entries and refreshes stale lights now; answers how many companies were matched. */
    public int runOnce() {
        return TenantContext.callAsPlatform(() -> tx.execute(status -> {
            Set<Long> matched = store.matchPending();
            Set<Long> refresh = new HashSet<>(matched);
            refresh.addAll(lights.stale());
            lights.refresh(refresh);
            if (!refresh.isEmpty()) {
                log.info(
                        "Watchlists: matched pending entries of {} companies, refreshed {} traffic lights",
                        matched.size(),
                        refresh.size());
            }
            return matched.size();
        }));
    }

    @DisallowConcurrentExecution
    static class MaintenanceJob implements Job {

        private final WatchlistMaintenance maintenance;

        MaintenanceJob(WatchlistMaintenance maintenance) {
            this.maintenance = maintenance;
        }

        @Override
        public void execute(JobExecutionContext context) {
            maintenance.runOnce();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail watchlistMaintenanceJob() {
            return JobBuilder.newJob(MaintenanceJob.class)
                    .withIdentity("watchlist-maintenance", "watchlist")
                    .storeDurably()
                    .build();
        }

        // Safety net: an amber light fades with time alone, and an entry added while a run commits misses that run's
        // matching.
        @Bean
        Trigger watchlistMaintenanceTrigger(JobDetail watchlistMaintenanceJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(watchlistMaintenanceJob)
                    .withIdentity("watchlist-maintenance", "watchlist")
                    .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
