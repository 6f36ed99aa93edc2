package eu.vigil.tenancy;

import eu.vigil.tenancy.internal.AccountTokenRepository;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Hourly, on one node of the cluster: forgets expired account links and stale sign-in failures. */
@DisallowConcurrentExecution
class AccountHousekeeping implements Job {

    private static final Logger log = LoggerFactory.getLogger(AccountHousekeeping.class);
    private static final Duration KEEP_EXPIRED_LINKS = Duration.ofDays(30);

    private final AccountTokenRepository tokens;
    private final LoginThrottle throttle;
    private final TransactionTemplate tx;

    AccountHousekeeping(
            AccountTokenRepository tokens, LoginThrottle throttle, PlatformTransactionManager transactionManager) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.tx = new TransactionTemplate(transactionManager);
    }

    @Override
    public void execute(JobExecutionContext context) {
        TenantContext.runAsPlatform(() -> {
            Integer links = tx.execute(
                    status -> tokens.deleteExpiredBefore(Instant.now().minus(KEEP_EXPIRED_LINKS)));
            int failures = throttle.forgetStale();
            log.info("Housekeeping removed {} expired account links and {} stale sign-in counters", links, failures);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail accountHousekeepingJob() {
            return JobBuilder.newJob(AccountHousekeeping.class)
                    .withIdentity("account-housekeeping", "tenancy")
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger accountHousekeepingTrigger(JobDetail accountHousekeepingJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(accountHousekeepingJob)
                    .withIdentity("account-housekeeping", "tenancy")
                    .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
        }
    }
}
