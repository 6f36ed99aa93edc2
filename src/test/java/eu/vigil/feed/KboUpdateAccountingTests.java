package eu.vigil.feed;

import static eu.vigil.support.KboUpdateZip.q;
import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.company.Section;
import eu.vigil.support.KboUpdateZip;
import eu.vigil.support.VigilTest;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * KBO Updates as operators really bring them: re-packed in any order, carrying deletions about enterprises
 * Vigil never held and establishment-level rows; every row ends applied, rejected or set aside with why.
 */
@VigilTest
class KboUpdateAccountingTests {

    @Autowired
    FeedIngestion ingestion;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anUpdateInAnyOrderIsSortedInMemoryAndItsQuarantineNamesTheLineInTheFile() {
        String low = FeedLines.belgianNumber();
        String high = FeedLines.belgianNumber();
        String lowKey = q(KboUpdateZip.dotted(low));
        String highKey = q(KboUpdateZip.dotted(high));
        RunView run = ingest(KboUpdateZip.update(901, "04-11-2026")
                .insert("enterprise", highKey, q("AC"), q("000"), q("2"), q("014"), "", "01-02-2020")
                .insert("enterprise", lowKey, q("AC"), q("000"), q("2"), q("014"), "", "not-a-date")
                .insert("denomination", highKey, q("2"), q("001"), q("Hoog Proef BV"))
                .insert("denomination", lowKey, q("2"), q("001"), q("Laag Proef BV"))
                .insert("activity", highKey, q("BTW"), q("2008"), q("62010"), q("MAIN")));

        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(identity(high)).contains("Hoog Proef BV").contains("62010");
        assertThat(status(high)).contains("\"active\":true");
        assertThat(identity(low)).contains("Laag Proef BV");
        assertThat(ingestion.quarantine(run.id(), 10)).singleElement().satisfies(row -> {
            assertThat(row.fileName()).isEqualTo("enterprise_insert.csv");
            assertThat(row.line())
                    .as("the line it stands on in the file, not in the sorted order")
                    .isEqualTo(3);
            assertThat(row.reason()).contains("not-a-date");
        });
        assertThat(run.rowsRead()).isEqualTo(5);
        assertThat(run.rowsRead()).isEqualTo(run.rowsApplied() + run.rowsRejected() + run.rowsSetAside());
        assertThat(run.finishedAt()).isAfterOrEqualTo(run.startedAt());
    }

    @Test
    void deletionsAboutEnterprisesVigilNeverHeldMakeNoCompanyAndEstablishmentRowsAreSetAsideByName() throws Exception {
        String unknown = FeedLines.belgianNumber();
        String key = q(KboUpdateZip.dotted(unknown));
        RunView run = ingest(KboUpdateZip.update(902, "05-11-2026")
                .delete("enterprise", key)
                .delete("denomination", key)
                .delete("activity", key)
                .delete("activity", q("2.290.171.611"))
                .insert("activity", q("2.290.171.611"), q("BTW"), q("2008"), q("47110"), q("MAIN")));

        assertThat(run.status()).as(run.error()).isEqualTo("COMPLETED");
        assertThat(registry.find(CompanyNumbers.require(unknown, "BE")))
                .as("no company from deletions alone")
                .isEmpty();
        assertThat(run.companiesNew()).isZero();
        assertThat(run.companiesLeft()).isZero();
        assertThat(run.signalEvents()).isZero();
        assertThat(run.rowsRead()).isEqualTo(5);
        assertThat(run.rowsApplied()).isZero();
        assertThat(run.rowsSetAside()).isEqualTo(5);
        assertThat(run.setAside())
                .containsEntry("deletions about enterprises Vigil never held (no company is made from a deletion)", 3L);
        assertThat(run.setAside())
                .containsEntry(
                        "activity_delete.csv: establishment-level rows (Vigil keeps each "
                                + "enterprise's own data and its list of establishments)",
                        1L);
        assertThat(run.setAside())
                .containsEntry(
                        "activity_insert.csv: establishment-level rows (Vigil keeps each "
                                + "enterprise's own data and its list of establishments)",
                        1L);

        String api = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/api/v1/admin/feeds/runs/" + run.id())
                        .header(
                                org.springframework.http.HttpHeaders.AUTHORIZATION,
                                "Bearer " + eu.vigil.support.TestData.BOOTSTRAP_KEY))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(api)
                .contains("\"rowsRead\":5")
                .contains("\"rowsApplied\":0")
                .contains("\"rowsRejected\":0")
                .contains("\"rowsSetAside\":5")
                .contains("\"deletions about enterprises Vigil never held (no company is made from a deletion)\":3");
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    private RunView ingest(KboUpdateZip.Update update) {
        return ingestion.ingestNow("kbo", new ByteArrayInputStream(update.zip()), "update.zip", true, "test");
    }

    private String identity(String number) {
        return registry.find(CompanyNumbers.require(number, "BE"))
                .orElseThrow()
                .sections()
                .get(Section.IDENTITY)
                .json();
    }

    private String status(String number) {
        return registry.find(CompanyNumbers.require(number, "BE"))
                .orElseThrow()
                .sections()
                .get(Section.STATUS)
                .json();
    }
}
