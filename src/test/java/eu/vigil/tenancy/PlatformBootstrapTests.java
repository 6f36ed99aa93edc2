package eu.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.support.VigilTest;
import eu.vigil.support.Wait;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes started together on an empty database (Compose's first start) both run the bootstrap: the second waits
 * until the first has committed its platform key and admin, then finds them, instead of inserting them again and
 * failing its start on the unique key.
 */
@VigilTest
class PlatformBootstrapTests {

    @Autowired
    PlatformBootstrap bootstrap;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aNodeBootstrappingWhileAnotherIsWaitsForItAndThenCreatesNothingTwice() throws Exception {
        long keys = jdbc.queryForObject("select count(*) from api_key where scope = 'PLATFORM'", Long.class);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherNode = Thread.ofPlatform()
                .name("other-node-bootstrap")
                .start(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    jdbc.query("select pg_advisory_xact_lock(hashtext('vigil-platform-bootstrap'))", row -> {});
                    locked.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread thisNode = Thread.ofPlatform().name("this-node-bootstrap").start(() -> {
            try {
                bootstrap.run(new DefaultApplicationArguments());
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        try {
            Wait.until("the bootstrap waits for the other node's", () -> {
                assertThat(thisNode.isAlive())
                        .as("the bootstrap did not wait: " + failed.get())
                        .isTrue();
                return jdbc.queryForObject(
                                "select count(*) from pg_locks where locktype = 'advisory' and not granted", Long.class)
                        > 0;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "this node: " + thisNode.getState() + " at\n  "
                            + Arrays.stream(thisNode.getStackTrace())
                                    .limit(30)
                                    .map(String::valueOf)
                                    .collect(Collectors.joining("\n  "))
                            + "\nadvisory locks: "
                            + jdbc.queryForList("select granted, pid from pg_locks where locktype = 'advisory'"),
                    e);
        }

        release.countDown();
        otherNode.join(30_000);
        thisNode.join(30_000);
        assertThat(failed.get()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from api_key where scope = 'PLATFORM'", Long.class))
                .as("the key the first node created is found, not created again")
                .isEqualTo(keys);
    }
}
