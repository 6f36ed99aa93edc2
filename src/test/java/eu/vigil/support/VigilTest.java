package eu.vigil.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, on a real PostgreSQL (embedded, or Testcontainers when
 * Docker is there or {@code -Dvigil.test.db=testcontainers}) and a real SMTP server. Every test
 * class uses exactly this, so the context is built once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vigil.embedded.postgres-dir=",
            "vigil.embedded.smtp-port=0",
            "vigil.demo.seed=true",
            // the demo world (two years of feeds, loaded once into the empty registry)
            "vigil.demo.world=true",
            "vigil.tenancy.bootstrap.api-key=" + TestData.BOOTSTRAP_KEY,
            "vigil.tenancy.bootstrap.admin-email=" + TestData.BOOTSTRAP_ADMIN,
            "vigil.tenancy.bootstrap.admin-password=" + TestData.PASSWORD,
            "spring.quartz.properties.org.quartz.scheduler.instanceName=vigil-test",
            "vigil.feeds.inbox=target/test-data/inbox",
            "vigil.feeds.uploads=target/test-data/uploads",
            "vigil.storage.local.root=target/test-data/files",
            // alert emails: a short grouping window and quick retries, so tests wait seconds, not minutes
            "vigil.alerts.group-window=1s",
            "vigil.alerts.poll-interval=200ms",
            "vigil.alerts.retry-backoff=300ms",
            "vigil.alerts.max-backoff=1s",
            // the home page's portfolio figures as they are, not as they were a minute ago
            "vigil.portfolio.figures-max-age=0s"
        })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
@Import({TestData.class, TestClock.class})
public @interface VigilTest {}
