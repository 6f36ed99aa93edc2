package eu.vigil.watchlist;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The messy upload: a semicolon CSV with a UTF-8 BOM, Windows line ends and quotes; valid BE numbers
 * in four notations (three Vigil knows, one it does not), a bad check digit, a duplicate, a blank line, an FR
 * SIREN and an IT partita IVA. The first company went bankrupt a year before the upload.
 * Numbers are fresh for each instance, so tests never share companies.
 */
final class MessyUpload {

    static final String BANKRUPT_NAME = "Faillissement Oud NV";

    final String known1;
    final String known2;
    final String known3;
    final String unknown;
    final long bankruptId;
    final LocalDate bankruptcyDate = LocalDate.now().minusYears(1);

    MessyUpload(JdbcTemplate jdbc) {
        known1 = freshNumber(jdbc);
        known2 = freshNumber(jdbc);
        known3 = freshNumber(jdbc);
        unknown = freshNumber(jdbc);
        bankruptId = company(jdbc, known1, BANKRUPT_NAME);
        company(jdbc, known2, "Gezond Twee BV");
        company(jdbc, known3, "Gezond Drie SRL");
        jdbc.update("""
                insert into signal_event (company_id, code, category, polarity, severity, old_value, new_value, effective_date,
                                          source, extract, run_id)
                values (?, 'BANKRUPTCY_OPENED', 'status', 'negative', 'critical', '000', '048', ?, 'kbo', 'test extract', 0)""", bankruptId, java.sql.Date.valueOf(bankruptcyDate));
    }

    /** The file's bytes as Excel would save them. */
    byte[] csv() {
        String text = String.join(
                "\r\n",
                List.of(
                        "Klant;Ondernemingsnummer;Naam;Type",
                        "\"C-001\";\"" + dotted(known1) + "\";\"Faillissement \"\"Oud\"\" NV\";klant",
                        "C-002;BE" + known2 + ";Gezond Twee;customer",
                        "C-003;" + known3 + ";\"Gezond; Drie\";",
                        "C-004;" + nineDigits(unknown) + ";Nog Onbekend;Client",
                        "C-005;" + dotted(badCheckDigit()) + ";Tikfout;klant",
                        "C-006;BE " + known1.substring(0, 4) + " " + known1.substring(4, 7) + " " + known1.substring(7)
                                + ";Dubbel;klant",
                        "",
                        "C-007;552 100 554;Renault;prospect",
                        "C-008;IT00743110157;Pirelli;fornitore",
                        ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    String badCheckDigit() {
        int last = known2.charAt(9) - '0';
        return known2.substring(0, 9) + ((last + 1) % 10);
    }

    static String dotted(String number) {
        return number.substring(0, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
    }

    static String nineDigits(String number) {
        return number.substring(1, 4) + "." + number.substring(4, 7) + "." + number.substring(7);
    }

    /** A valid BE enterprise number (leading 0) that no company has yet. */
    static String freshNumber(JdbcTemplate jdbc) {
        while (true) {
            long base = ThreadLocalRandom.current().nextLong(2_000_000, 9_999_999);
            long check = 97 - (base % 97);
            String number = String.format("0%07d%02d", base, check);
            Long taken = jdbc.queryForObject(
                    "select count(*) from company where country = 'BE' and number = ?", Long.class, number);
            if (taken == 0) {
                return number;
            }
        }
    }

    static long company(JdbcTemplate jdbc, String number, String name) {
        return eu.vigil.support.RegistryRows.company(jdbc, "BE", number, name, null);
    }
}
