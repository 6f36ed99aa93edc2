package eu.vigil.watchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.VigilTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Another Vigil instance started a feed run and a watchlist import, then died (kill -9, out of memory)
 * and never came back. Within a minute this instance's watchdog marks both failed and says why, while a
 * run this live instance is doing stays running.
 */
@VigilTest
class WatchdogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestData data;

    @Autowired
    ObjectMapper json;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void whatADeadInstanceLeftRunningIsMarkedFailedWithTheReasonWithinAMinuteAndLiveWorkIsLeftAlone() throws Exception {
        String deadNode = "vigil-dead-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update(
                "insert into vigil_node (node_id, started_at, heartbeat_at) values (?, ?, ?)",
                deadNode,
                Timestamp.from(Instant.now().minusSeconds(600)),
                Timestamp.from(Instant.now().minusSeconds(120)));
        long orphanRun = asNode(deadNode, () -> jdbc.queryForObject("""
                insert into feed_run (source, file_name, file_sha256, status, triggered_by, started_at)
                values ('kbo', 'KboOpenData_9999_Update.zip', 'dead', 'RUNNING', 'test', now()) returning id""", Long.class));
        long liveRun = jdbc.queryForObject("""
                insert into feed_run (source, file_name, file_sha256, status, triggered_by, started_at)
                values ('kbo', 'KboOpenData_9998_Update.zip', 'live', 'RUNNING', 'test', now()) returning id""", Long.class);

        var tenant = data.tenant("Watchdog", Language.FR);
        String created = mvc.perform(post("/api/v1/watchlists")
                        .header("Authorization", "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Orphaned upload\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID watchlist = UUID.fromString(json.readTree(created).path("id").asString());
        UUID orphanImport = UUID.randomUUID();
        asNode(
                deadNode,
                () -> jdbc.update(
                        """
                insert into watchlist_import (id, tenant_id, watchlist_id, file_name, uploaded_by, language, status, created_at)
                values (?, ?, ?, 'clients.xlsx', ?, 'fr', 'RUNNING', now())""",
                        orphanImport,
                        tenant.id(),
                        watchlist,
                        tenant.admin().email()));

        try {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(runStatus(orphanRun)).contains("\"status\":\"FAILED\""));
            assertThat(runStatus(orphanRun)).contains(deadNode).contains("stopped");

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(mvc.perform(
                                            get("/watchlists/{id}/imports/{importId}/status", watchlist, orphanImport)
                                                    .with(user(tenant.admin().principal())))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString())
                            .contains("id=\"import-error\""));
            assertThat(mvc.perform(get("/watchlists/{id}/imports/{importId}/status", watchlist, orphanImport)
                                    .with(user(tenant.admin().principal())))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .contains("Vigil qui importait ce fichier")
                    .doesNotContain("Importing");

            assertThat(runStatus(liveRun)).as("the live instance's own run").contains("\"status\":\"RUNNING\"");
        } finally {
            jdbc.update(
                    "update feed_run set status = 'FAILED', finished_at = now(), error = 'test over' where id in (?, ?)",
                    orphanRun,
                    liveRun);
        }
    }

    private String runStatus(long id) throws Exception {
        return mvc.perform(get("/api/v1/admin/feeds/runs/{id}", id)
                        .header("Authorization", "Bearer " + TestData.BOOTSTRAP_KEY))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Does the work on a connection named after another instance, as that instance would have. */
    private <T> T asNode(String node, java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            jdbc.execute("set local application_name = '" + node + "'");
            return work.get();
        });
    }
}
