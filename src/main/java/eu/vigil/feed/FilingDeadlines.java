package eu.vigil.feed;

import eu.vigil.company.CompanyStatus;
import eu.vigil.company.CompanyStatuses;
import eu.vigil.signal.DetectedSignal;
import eu.vigil.signal.Signal;
import eu.vigil.signal.SignalCatalogue;
import eu.vigil.signal.SignalEvents;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signals no feed line can bring: a filing that did not come. Every night, each active company
 * whose next period's deadline (seven months after its end plus the signal's grace days) has passed
 * without a filing gets the catalogue's {@code overdue} signals, dated the day after the deadline. A company that is
 * bankrupt, in liquidation, dissolved, struck off or ceased owes no more filings and gets none.
 */
@Component
public class FilingDeadlines {

    private static final Logger log = LoggerFactory.getLogger(FilingDeadlines.class);
    private static final String ACCOUNTS = "accounts";

    private final JdbcTemplate jdbc;
    private final SignalEvents events;
    private final List<Signal> overdue;

    FilingDeadlines(JdbcTemplate jdbc, SignalEvents events, SignalCatalogue catalogue) {
        this.jdbc = jdbc;
        this.events = events;
        this.overdue = catalogue.enabled().stream()
                .filter(s -> "overdue".equals(s.detector()))
                .toList();
    }

    /** Records the deadlines passed by {@code today}; answers how many events are new. Running it again adds nothing. */
    @Transactional
    public int check(LocalDate today) {
        if (overdue.isEmpty()) {
            return 0;
        }
        int shortestGrace =
                overdue.stream().mapToInt(FilingDeadlines::graceDays).min().orElse(30);
        // a deadline passed only if the next period ended seven months plus the grace before today
        LocalDate latestEnd = today.minusDays(shortestGrace + 1L).minusMonths(7).minusYears(1);
        List<SignalEvents.Fired> fired = new ArrayList<>();
        // reads company and company_section directly: one query over every company's accounts and status sections
        jdbc.query(
                """
                select a.company_id, (a.doc->'filings'->0->>'periodEnd')::date, c.country, s.doc::text from company_section a
                join company c on c.id = a.company_id
                left join company_section s on s.company_id = a.company_id and s.section = 'status'
                where a.section = 'accounts' and coalesce((s.doc->>'active')::boolean, true)
                  and (a.doc->'filings'->0->>'periodEnd')::date <= ?""",
                rs -> {
                    long companyId = rs.getLong(1);
                    if (new CompanyStatus(CompanyStatuses.kind(rs.getString(3).trim(), rs.getString(4)), null)
                            .woundUp()) {
                        return;
                    }
                    LocalDate lastEnd = rs.getDate(2).toLocalDate();
                    LocalDate nextEnd = lastEnd.plusYears(1);
                    for (Signal signal : overdue) {
                        LocalDate deadline = nextEnd.plusMonths(7).plusDays(graceDays(signal));
                        if (today.isAfter(deadline)) {
                            LocalDate effective = deadline.plusDays(1);
                            fired.add(new SignalEvents.Fired(
                                    companyId,
                                    new DetectedSignal(
                                            signal,
                                            "last filed period ended " + lastEnd,
                                            "period ending " + nextEnd + " due by " + deadline,
                                            effective),
                                    effective,
                                    ACCOUNTS,
                                    "Filing deadline check",
                                    0));
                        }
                    }
                },
                Date.valueOf(latestEnd));
        List<SignalEvents.Stored> ids = events.record(DataSourceUtils.getConnection(jdbc.getDataSource()), fired);
        events.announce(0, ACCOUNTS, ids);
        if (!ids.isEmpty()) {
            log.info("Filing deadline check of {}: {} new overdue signals", today, ids.size());
        }
        return ids.size();
    }

    private static int graceDays(Signal signal) {
        return signal.params().get("graceDays") instanceof Number n ? n.intValue() : 30;
    }

    /** Runs the check every night, on one node of the cluster. */
    @DisallowConcurrentExecution
    static class Nightly implements Job {

        private final FilingDeadlines deadlines;

        Nightly(FilingDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public void execute(JobExecutionContext context) {
            deadlines.check(LocalDate.now());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        JobDetail accountsDeadlinesJob() {
            return JobBuilder.newJob(Nightly.class)
                    .withIdentity("accounts-deadlines", "feed")
                    .storeDurably()
                    .build();
        }

        @Bean
        Trigger accountsDeadlinesTrigger(JobDetail accountsDeadlinesJob) {
            return TriggerBuilder.newTrigger()
                    .forJob(accountsDeadlinesJob)
                    .withIdentity("accounts-deadlines", "feed")
                    .withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(2, 30)
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
        }
    }
}
