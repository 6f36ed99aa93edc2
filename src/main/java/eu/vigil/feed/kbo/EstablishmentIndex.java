package eu.vigil.feed.kbo;

import eu.vigil.company.CopyText;
import eu.vigil.feed.internal.CsvReader;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.IngestionContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * A Full extract's establishment.csv (sorted by establishment) re-ordered by enterprise in compact
 * primitive arrays (about 24 bytes an establishment), so the merge over the enterprise-sorted files
 * can attach each enterprise's establishments as it passes.
 */
final class EstablishmentIndex {

    private long[] establishments = new long[1 << 16];
    private long[] enterprises = new long[1 << 16];
    private long[] startDays = new long[1 << 16];
    private long[] order;
    private int size;
    private int cursor;

    static EstablishmentIndex read(ExtractFiles files, IngestionContext context) throws IOException {
        EstablishmentIndex index = new EstablishmentIndex();
        try (CsvReader csv = files.csv("establishment.csv")) {
            csv.next();
            while (csv.next()) {
                if (csv.size() == 1 && csv.get(0).isEmpty()) {
                    continue;
                }
                context.read();
                long establishment = csv.size() == 3 ? KboNumbers.parse(csv.get(0)) : -1;
                long enterprise = csv.size() == 3 ? KboNumbers.parse(csv.get(2)) : -1;
                if (establishment < KboNumbers.FIRST_ESTABLISHMENT || !KboNumbers.validEnterprise(enterprise)) {
                    context.quarantine(
                            "establishment.csv",
                            csv.line(),
                            csv.raw(),
                            csv.size() != 3
                                    ? "expected 3 fields, found " + csv.size()
                                    : "'" + csv.get(0) + "' is not an establishment number or '" + csv.get(2)
                                            + "' is not a valid enterprise number");
                    continue;
                }
                if (index.size > 0 && index.establishments[index.size - 1] == establishment) {
                    context.quarantine(
                            "establishment.csv",
                            csv.line(),
                            csv.raw(),
                            "establishment " + csv.get(0) + " is listed twice");
                    continue;
                }
                long start;
                try {
                    String iso = KboDocuments.isoDate(csv.get(1));
                    start = iso == null ? Long.MIN_VALUE : LocalDate.parse(iso).toEpochDay();
                } catch (IllegalArgumentException e) {
                    context.quarantine("establishment.csv", csv.line(), csv.raw(), "StartDate " + e.getMessage());
                    continue;
                }
                index.add(establishment, enterprise, start);
                context.applied(1);
            }
        }
        index.sort();
        return index;
    }

    private void add(long establishment, long enterprise, long start) {
        if (size == establishments.length) {
            establishments = Arrays.copyOf(establishments, size * 2);
            enterprises = Arrays.copyOf(enterprises, size * 2);
            startDays = Arrays.copyOf(startDays, size * 2);
        }
        establishments[size] = establishment;
        enterprises[size] = enterprise;
        startDays[size] = start;
        size++;
    }

    private void sort() {
        order = new long[size];
        for (int i = 0; i < size; i++) {
            order[i] = (enterprises[i] << 32) | i;
        }
        Arrays.sort(order);
    }

    /** The establishments of {@code enterprise}, as [number, start epoch day]; enterprises must be asked in order. */
    List<long[]> take(long enterprise) {
        while (cursor < size && enterprises[(int) order[cursor]] < enterprise) {
            cursor++;
        }
        List<long[]> found = List.of();
        while (cursor < size && enterprises[(int) order[cursor]] == enterprise) {
            int i = (int) order[cursor++];
            if (found.isEmpty()) {
                found = new ArrayList<>(2);
            }
            found.add(new long[] {establishments[i], startDays[i]});
        }
        return found;
    }

    /** Replaces the stored establishment → enterprise mapping with this extract's. */
    void store(Connection connection) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("delete from kbo_establishment");
        }
        var copyIn = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("copy kbo_establishment (establishment_number, enterprise_number, start_date) from stdin");
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(new PGCopyOutputStream(copyIn), StandardCharsets.UTF_8), 1 << 16)) {
            for (int k = 0; k < size; k++) {
                int i = (int) order[k];
                out.write(Long.toString(establishments[i]));
                out.write('\t');
                out.write(Long.toString(enterprises[i]));
                out.write('\t');
                CopyText.escape(
                        startDays[i] == Long.MIN_VALUE
                                ? null
                                : LocalDate.ofEpochDay(startDays[i]).toString(),
                        out);
                out.write('\n');
            }
        }
    }
}
