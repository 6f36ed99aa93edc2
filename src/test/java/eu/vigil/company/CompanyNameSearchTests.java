package eu.vigil.company;

import static org.assertj.core.api.Assertions.assertThat;

import eu.vigil.support.VigilTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The name search reads the trigram-indexed names, which follow every identity a committed run writes. */
@VigilTest
class CompanyNameSearchTests {

    @Autowired
    CompanyRegistry registry;

    @Autowired
    SectionStore sections;

    @Autowired
    CompanyNames names;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRenamedCompanyIsFoundByItsNewNameAndNoLongerByItsOldOne() {
        long id = writeIdentity("0897.000.174", "Zyxwvut Brouwerij", "ZB");
        assertThat(found("wvut brou")).containsExactly(id);
        assertThat(found("ZYXWVUT")).containsExactly(id);

        writeIdentity("0897.000.174", "Qwerty Holding", null);

        assertThat(found("Zyxwvut")).isEmpty();
        assertThat(found("werty hold")).containsExactly(id);
    }

    @Test
    void aRolledBackRunLeavesTheNamesAsTheyWere() {
        long id = writeIdentity("0897.000.273", "Plumbum Vlakglas", null);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            sections.upsert(List.of(identity(id, "Ferrum Spiegels", null)), 1);
            status.setRollbackOnly();
        });

        assertThat(found("Ferrum Spiegels")).isEmpty();
        assertThat(found("Plumbum Vlak")).containsExactly(id);
    }

    @Test
    void theClosestNameComesFirstAndPercentSignsAreText() {
        long exact = writeIdentity("0897.000.372", "Trigrammo", null);
        long longer = writeIdentity("0897.000.471", "Trigrammo & Partners International", null);
        long percent = writeIdentity("0897.000.570", "Trigrammo 100% Bio", null);

        assertThat(found("trigrammo")).startsWith(exact).contains(longer, percent);
        assertThat(found("100%")).containsExactly(percent);
        assertThat(found("100% trigrammo")).as("the words in any order").containsExactly(percent);
        assertThat(found("trigrammo_xyz"))
                .as("an underscore is a separator, no wildcard")
                .isEmpty();
    }

    @Test
    void everyWordIsFoundInAnyOrderWithAccentsAndCaseFolded() {
        long brasserie = writeIdentity("0897.000.966", "Brasserie Le Vieux Moulin Quervax", null);
        long atelier = writeIdentity("0897.001.065", "Atelier Lumière Quervax SAS", null);

        assertThat(found("brasserie moulin quervax")).containsExactly(brasserie);
        assertThat(found("MOULIN vieux Quervax")).containsExactly(brasserie);
        assertThat(found("lumiere quervax")).containsExactly(atelier);
        assertThat(found("LUMIÈRE atelier QUERVAX")).containsExactly(atelier);
        assertThat(found("quervax")).containsExactlyInAnyOrder(brasserie, atelier);
        assertThat(found("brasserie lumiere quervax")).as("every word, not any").isEmpty();
    }

    @Test
    void aRebuildGivesTheSameAnswersAndSwapsTheTableInPlace() {
        // from a rebuilt table, as some test fixtures write identities straight into company_section
        names.rebuild();
        long id = writeIdentity("0897.000.669", "Rebuildia Logistics", "RBL");
        List<Long> before = found("Rebuildia");
        long rows = count();

        names.rebuild();

        assertThat(found("Rebuildia")).isEqualTo(before).containsExactly(id);
        assertThat(found("RBL")).contains(id);
        assertThat(count()).isEqualTo(rows);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_indexes where tablename = 'company_name' and indexname = 'company_name_folded_trgm_idx'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void namesWrittenWhileARebuildHoldsTheTableAreAppliedAfterwards() throws Exception {
        long id = writeIdentity("0897.000.768", "Stalia Eins", null);
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread rebuild = Thread.ofPlatform()
                .start(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    jdbc.queryForList("select pg_advisory_xact_lock(" + 0x5649_4749_4c4eL + ")");
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        held.await();

        writeIdentity("0897.000.768", "Stalia Zwei", null);
        assertThat(found("Stalia Zwei")).isEmpty();
        assertThat(jdbc.queryForList("select company_id from company_name_stale", Long.class))
                .contains(id);

        release.countDown();
        rebuild.join();
        long other = writeIdentity("0897.000.867", "Stalia Drei", null);

        assertThat(found("Stalia")).containsExactlyInAnyOrder(id, other);
        assertThat(found("Stalia Eins")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from company_name_stale", Long.class))
                .isZero();
    }

    private List<Long> found(String text) {
        return registry.searchByName(text, 10).stream()
                .map(match -> jdbc.queryForObject(
                        "select id from company where country = ? and number = ?",
                        Long.class,
                        match.id().country(),
                        match.id().number()))
                .toList();
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from company_name", Long.class);
    }

    private long writeIdentity(String number, String name, String abbreviation) {
        String canonical =
                ((ParseResult.Valid) CompanyNumbers.parse(number, "BE")).id().number();
        return new TransactionTemplate(transactions).execute(status -> {
            long id = sections.resolve("BE", List.of(canonical), 1).ids().get(canonical);
            sections.upsert(List.of(identity(id, name, abbreviation)), 1);
            return id;
        });
    }

    private static SectionWrite identity(long id, String name, String abbreviation) {
        String json = "{\"names\":[{\"type\":\"name\",\"value\":\"" + name + "\"}"
                + (abbreviation == null ? "" : ",{\"type\":\"abbreviation\",\"value\":\"" + abbreviation + "\"}")
                + "]}";
        return new SectionWrite(id, Section.IDENTITY, json, "test", "names", LocalDate.of(2026, 11, 1));
    }
}
