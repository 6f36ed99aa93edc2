package eu.vigil.watchlist;

import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.internal.EntryStore;
import eu.vigil.watchlist.internal.Lights;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, on one node: pending entries whose company a feed has since brought are matched, and
 * the traffic lights of watched companies with new signal events (or a day-old light) are recomputed.
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

    /** Matches pending entries and refreshes stale lights now; answers how many entries were matched. */
    public int runOnce() {
        return TenantContext.callAsPlatform(() -> tx.execute(status -> {
            List<Long> matched = store.matchPending();
            Set<Long> refresh = new HashSet<>(matched);
            refresh.addAll(lights.stale());
            lights.refresh(refresh);
            if (!matched.isEmpty() || !refresh.isEmpty()) {
                log.info("Watchlists: matched {} pending entries, refreshed {} traffic lights", matched.size(), refresh.size());
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
            return JobBuilder.newJob(MaintenanceJob.class).withIdentity("watchlist-maintenance", "watchlist").storeDurably().build();
        }

        @Bean
        Trigger watchlistMaintenanceTrigger(JobDetail watchlistMaintenanceJob) {
            return TriggerBuilder.newTrigger().forJob(watchlistMaintenanceJob).withIdentity("watchlist-maintenance", "watchlist")
                    .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever()).build();
        }
    }
}
