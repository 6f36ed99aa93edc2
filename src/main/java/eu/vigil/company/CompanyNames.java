package eu.vigil.company;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code company_name}, the trigram-indexed names behind the name search, in step with the identity
 * sections: the companies a transaction wrote an identity for are refreshed once it commits; a run that
 * wrote more than {@link #REBUILD_ABOVE} (a full load) rebuilds the whole table in the background, so
 * that the bulk load never maintains a trigram index row by row.
 */
@Component
public class CompanyNames {

    static final int REBUILD_ABOVE = 50_000;
    private static final Logger log = LoggerFactory.getLogger(CompanyNames.class);
    /** One lock for the refresh and the rebuild, across instances: a refresh never interleaves with a table swap. */
    private static final long LOCK = 0x5649_4749_4c4eL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("company-names").daemon().factory());
    private volatile java.util.concurrent.Future<?> rebuilding;

    CompanyNames(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The companies whose identity the current transaction writes; refreshed after it commits. Null outside a transaction. */
    Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CompanyNames.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    private void apply(Pending pending) {
        try {
            if (pending.everything) {
                rebuilding = rebuilder.submit(this::rebuild);
            } else if (pending.size > 0) {
                refresh(Arrays.copyOf(pending.ids, pending.size));
            }
        } catch (RuntimeException e) {
            // the run is committed; a stale name is repaired by the next refresh of that company or the next rebuild
            log.error(
                    "Could not refresh the names of {} companies: {}",
                    pending.everything ? "all" : pending.size,
                    e.getMessage());
        }
    }

    /**
     * Rewrites these companies' names. While a rebuild holds the table, they are only noted as stale, for
     * the rebuild to apply once it has swapped its table in; a refresh also applies what earlier ones noted.
     */
    void refresh(long[] companyIds) {
        Long[] ids = Arrays.stream(companyIds).boxed().toArray(Long[]::new);
        ownTransaction.executeWithoutResult(status -> {
            if (Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                rewrite(ids);
                rewrite(jdbc.queryForList("delete from company_name_stale returning company_id", Long.class)
                        .toArray(Long[]::new));
            } else {
                jdbc.update("insert into company_name_stale (company_id) select unnest(?::bigint[])", (Object) ids);
            }
        });
    }

    private void rewrite(Long[] ids) {
        if (ids.length == 0) {
            return;
        }
        jdbc.update("delete from company_name where company_id = any(?)", (Object) ids);
        jdbc.update("""
                insert into company_name (company_id, name)
                select s.company_id, n->>'value'
                from company_section s, json_array_elements(s.doc->'names') n
                where s.section = 'identity' and s.company_id = any(?) and coalesce(n->>'value', '') <> ''""", (Object) ids);
    }

    /** A fresh table built beside the old one, indexed once, then swapped in: searches keep answering meanwhile. */
    void rebuild() {
        long started = System.nanoTime();
        ownTransaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK);
            jdbc.execute("drop table if exists company_name_next");
            jdbc.execute("""
                    create table company_name_next (company_id bigint not null, name text not null,
                                                    folded text generated always as (vigil_fold(name)) stored)""");
            jdbc.execute("""
                    insert into company_name_next (company_id, name)
                    select s.company_id, n->>'value'
                    from company_section s, json_array_elements(s.doc->'names') n
                    where s.section = 'identity' and coalesce(n->>'value', '') <> ''""");
            jdbc.execute("create index company_name_next_company_idx on company_name_next (company_id)");
            jdbc.execute(
                    "create index company_name_next_folded_trgm_idx on company_name_next using gin (folded gin_trgm_ops)");
            jdbc.execute("drop table company_name");
            jdbc.execute("alter table company_name_next rename to company_name");
            jdbc.execute("alter index company_name_next_company_idx rename to company_name_company_idx");
            jdbc.execute("alter index company_name_next_folded_trgm_idx rename to company_name_folded_trgm_idx");
            // runs that committed while the table was being built
            rewrite(jdbc.queryForList("delete from company_name_stale returning company_id", Long.class)
                    .toArray(Long[]::new));
        });
        log.info("Rebuilt the company name index in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Waits for a background rebuild to finish (benchmarks and tests that search right after a full load). */
    public void awaitRebuilt() {
        java.util.concurrent.Future<?> running = rebuilding;
        if (running != null) {
            try {
                running.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("The company name rebuild failed", e.getCause());
            }
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        rebuilder.shutdownNow();
    }

    /** The company ids a transaction wrote identities for, or "everything" past the rebuild threshold. */
    static final class Pending {
        private long[] ids = new long[64];
        private int size;
        private boolean everything;

        synchronized void add(long companyId) {
            if (everything) {
                return;
            }
            if (size == REBUILD_ABOVE) {
                everything = true;
                ids = null;
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = companyId;
        }
    }
}
