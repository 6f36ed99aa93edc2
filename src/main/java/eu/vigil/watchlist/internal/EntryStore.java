package eu.vigil.watchlist.internal;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.company.CompanyId;
import eu.vigil.watchlist.Amount;
import eu.vigil.watchlist.EntryData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Set-based reads and writes of watchlist entries on the caller's transaction: COPY in, arrays out.
 * Callers pass a watchlist they have already loaded through the tenant-scoped repository.
 */
@Component
public class EntryStore {

    private final DataSource dataSource;
    private final CompanyDirectory directory;

    EntryStore(DataSource dataSource, CompanyDirectory directory) {
        this.dataSource = dataSource;
        this.directory = directory;
    }

    /** {@code BE0403170701}-style keys of what the list holds already. */
    public Set<String> keysOn(UUID watchlistId) {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement select =
                connection().prepareStatement("select country, number from watchlist_entry where watchlist_id = ?")) {
            select.setObject(1, watchlistId);
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1) + rs.getString(2));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public static String key(CompanyId id) {
        return id.country() + id.number();
    }

    /** Company ids Vigil knows for these numbers, by key. */
    public Map<String, Long> companyIds(Collection<CompanyId> ids) {
        Map<String, Long> found = new HashMap<>(ids.size() * 2);
        directory.ids(ids).forEach((id, companyId) -> found.put(key(id), companyId));
        return found;
    }

    /** Of these companies, the ones the tenant already watches on any of its lists. */
    public Set<Long> alreadyWatched(UUID tenantId, Collection<Long> companyIds) {
        Set<Long> watched = new HashSet<>();
        if (companyIds.isEmpty()) {
            return watched;
        }
        try {
            Connection connection = connection();
            try (PreparedStatement select = connection.prepareStatement(
                    "select distinct company_id from watchlist_entry where tenant_id = ? and company_id = any(?::bigint[])")) {
                select.setObject(1, tenantId);
                select.setArray(2, connection.createArrayOf("bigint", companyIds.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        watched.add(rs.getLong(1));
                    }
                }
            }
            return watched;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A new entry to write. */
    public record NewEntry(
            CompanyId id, Long companyId, EntryData data, Integer row, String value, boolean newlyWatched) {}

    public void insert(UUID tenantId, UUID watchlistId, UUID importId, List<NewEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        copy("""
                copy watchlist_entry (tenant_id, watchlist_id, country, number, company_id, reference, relationship,
                    credit_limit, limit_currency, exposure, exposure_currency, owner_id, tags, import_id, import_row, import_value, newly_watched)
                from stdin""", out -> {
            String prefix = tenantId + "\t" + watchlistId + "\t";
            String importText = importId == null ? "\\N" : importId.toString();
            StringBuilder line = new StringBuilder(256);
            for (NewEntry e : entries) {
                line.setLength(0);
                line.append(prefix)
                        .append(e.id().country())
                        .append('\t')
                        .append(e.id().number())
                        .append('\t')
                        .append(e.companyId() == null ? "\\N" : e.companyId().toString())
                        .append('\t');
                text(line, e.data().reference())
                        .append('\t')
                        .append(e.data().relationship().name())
                        .append('\t');
                amount(line, e.data().creditLimit()).append('\t');
                amount(line, e.data().exposure()).append('\t');
                line.append(
                                e.data().ownerId() == null
                                        ? "\\N"
                                        : e.data().ownerId().toString())
                        .append('\t');
                tags(line, e.data().tags())
                        .append('\t')
                        .append(importText)
                        .append('\t')
                        .append(e.row() == null ? "\\N" : e.row().toString())
                        .append('\t');
                text(line, clip(e.value(), 500))
                        .append('\t')
                        .append(e.newlyWatched() ? 't' : 'f')
                        .append('\n');
                out.write(line.toString());
            }
        });
    }

    /** A row that did not become an entry; {@code wording} says why to a reader, {@code detail} to support. */
    public record Problem(
            int row, String outcome, String value, String reason, String detail, Wording wording, String cells) {}

    public void insertProblems(UUID importId, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        copy(
                "copy watchlist_import_row (import_id, row_no, outcome, value, reason, detail, detail_key, detail_args, cells) from stdin",
                out -> {
                    StringBuilder line = new StringBuilder(256);
                    for (Problem p : problems) {
                        line.setLength(0);
                        line.append(importId)
                                .append('\t')
                                .append(p.row())
                                .append('\t')
                                .append(p.outcome())
                                .append('\t');
                        text(line, clip(p.value(), 500)).append('\t');
                        text(line, p.reason()).append('\t');
                        text(line, clip(p.detail() == null ? "" : p.detail(), 1000))
                                .append('\t');
                        text(line, p.wording() == null ? null : p.wording().key())
                                .append('\t');
                        tags(line, p.wording() == null ? List.of() : p.wording().args())
                                .append('\t');
                        text(line, p.cells()).append('\n');
                        out.write(line.toString());
                    }
                });
    }

    /** A problem of an optional field on an upload row; the row is {@code seq}'s owner. */
    public record RowWarning(int row, int seq, String field, String value, Wording wording) {}

    public void insertWarnings(UUID importId, List<RowWarning> warnings) {
        if (warnings.isEmpty()) {
            return;
        }
        copy(
                "copy watchlist_import_warning (import_id, row_no, seq, field, value, detail_key, detail_args) from stdin",
                out -> {
                    StringBuilder line = new StringBuilder(160);
                    for (RowWarning w : warnings) {
                        line.setLength(0);
                        line.append(importId)
                                .append('\t')
                                .append(w.row())
                                .append('\t')
                                .append(w.seq())
                                .append('\t');
                        text(line, w.field()).append('\t');
                        text(line, clip(w.value() == null ? "" : w.value(), 500))
                                .append('\t');
                        text(line, w.wording().key()).append('\t');
                        tags(line, w.wording().args()).append('\n');
                        out.write(line.toString());
                    }
                });
    }

    /**
     * Links pending entries, on every list of every tenant, to the companies a feed has brought since:
     * the pending numbers are looked up in one call and linked in one update. Answers the company ids
     * now matched.
     */
    public Set<Long> matchPending() {
        List<CompanyId> pending = new ArrayList<>();
        try {
            Connection connection = connection();
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_advisory_xact_lock(hashtext('vigil-watchlist-match-pending'))")) {
                // one matching at a time: two runs ending together would otherwise lock the same entries in different
                // orders
                lock.execute();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "select distinct country, number from watchlist_entry where company_id is null")) {
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new CompanyId(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            Map<CompanyId, Long> known = directory.ids(pending);
            Set<Long> matched = new HashSet<>();
            if (known.isEmpty()) {
                return matched;
            }
            String[] countries = new String[known.size()];
            String[] numbers = new String[known.size()];
            Long[] companyIds = new Long[known.size()];
            int i = 0;
            for (var found : known.entrySet()) {
                countries[i] = found.getKey().country();
                numbers[i] = found.getKey().number();
                companyIds[i++] = found.getValue();
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    update watchlist_entry e set company_id = k.id
                    from unnest(?::text[], ?::text[], ?::bigint[]) as k(country, number, id)
                    where e.company_id is null and e.country = k.country and e.number = k.number
                    returning k.id""")) {
                update.setArray(1, connection.createArrayOf("text", countries));
                update.setArray(2, connection.createArrayOf("text", numbers));
                update.setArray(3, connection.createArrayOf("bigint", companyIds));
                try (ResultSet rs = update.executeQuery()) {
                    while (rs.next()) {
                        matched.add(rs.getLong(1));
                    }
                }
            }
            return matched;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static StringBuilder amount(StringBuilder line, Amount amount) {
        if (amount == null) {
            return line.append("\\N\t\\N");
        }
        return line.append(amount.value().toPlainString()).append('\t').append(amount.currency());
    }

    /** A text[] in COPY's text format. */
    private static StringBuilder tags(StringBuilder line, List<String> tags) {
        line.append('{');
        for (int i = 0; i < tags.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append('"');
            String tag = tags.get(i);
            for (int k = 0; k < tag.length(); k++) {
                char c = tag.charAt(k);
                if (c == '"' || c == '\\') {
                    line.append("\\\\");
                }
                appendCopyChar(line, c);
            }
            line.append('"');
        }
        return line.append('}');
    }

    static StringBuilder text(StringBuilder line, String value) {
        if (value == null) {
            return line.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            appendCopyChar(line, value.charAt(i));
        }
        return line;
    }

    private static void appendCopyChar(StringBuilder line, char c) {
        switch (c) {
            case '\\' -> line.append("\\\\");
            case '\t' -> line.append("\\t");
            case '\n' -> line.append("\\n");
            case '\r' -> line.append("\\r");
            default -> line.append(c);
        }
    }

    private interface CopyBody {
        void write(Writer out) throws IOException;
    }

    private void copy(String sql, CopyBody body) {
        try {
            Connection connection = connection();
            PGConnection pg = connection.unwrap(PGConnection.class);
            try (PGCopyOutputStream stream = new PGCopyOutputStream(pg, sql, 1 << 16);
                    Writer out = new java.io.BufferedWriter(
                            new java.io.OutputStreamWriter(stream, java.nio.charset.StandardCharsets.UTF_8), 1 << 16)) {
                body.write(out);
            }
        } catch (SQLException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Watchlist storage failed: " + e.getMessage(), e);
    }
}
