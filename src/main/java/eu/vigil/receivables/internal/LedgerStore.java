package eu.vigil.receivables.internal;

import eu.vigil.company.CopyText;
import eu.vigil.receivables.LoadMode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The ledger's writes on the load's transaction, set-based: lines go to a staging table by {@code COPY} in batches,
 * then one statement
 * merges them into the ledger (a line identical to the stored item changes nothing), one closes what a snapshot no
 * longer carries.
 */
@Component
class LedgerStore {

    static final int BATCH = 5_000;

    private final DataSource dataSource;

    LedgerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }

    String currency(UUID tenant) {
        try (PreparedStatement select =
                connection().prepareStatement("select currency from receivable_setting where tenant_id = ?")) {
            select.setObject(1, tenant);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1).trim() : "EUR";
            }
        } catch (SQLException e) {
            throw failed("read the tenant's currency", e);
        }
    }

    void setCurrency(UUID tenant, String currency) {
        try (PreparedStatement upsert = connection().prepareStatement("""
                insert into receivable_setting (tenant_id, currency) values (?, ?)
                on conflict (tenant_id) do update set currency = excluded.currency""")) {
            upsert.setObject(1, tenant);
            upsert.setString(2, currency);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failed("store the tenant's currency", e);
        }
    }

    void setRates(UUID tenant, Map<String, BigDecimal> rates, LocalDate asOf) {
        if (rates.isEmpty()) {
            return;
        }
        Connection connection = connection();
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into receivable_rate (tenant_id, currency, rate, as_of)
                select ?, c, r, ? from unnest(?::text[], ?::numeric[]) as x(c, r)
                on conflict (tenant_id, currency) do update set rate = excluded.rate, as_of = excluded.as_of""")) {
            upsert.setObject(1, tenant);
            upsert.setDate(2, Date.valueOf(asOf));
            upsert.setArray(3, connection.createArrayOf("text", rates.keySet().toArray()));
            upsert.setArray(
                    4, connection.createArrayOf("numeric", rates.values().toArray()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failed("store exchange rates", e);
        }
    }

    long startLoad(UUID tenant, String source, LoadMode mode, LocalDate asOf, String loadedBy) {
        try (PreparedStatement insert = connection().prepareStatement("""
                insert into receivable_load (tenant_id, source, mode, as_of, loaded_by) values (?, ?, ?, ?, ?)
                returning id""")) {
            insert.setObject(1, tenant);
            insert.setString(2, source);
            insert.setString(3, mode.name());
            insert.setDate(4, Date.valueOf(asOf));
            insert.setString(5, loadedBy);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed("start a load", e);
        }
    }

    void finishLoad(long loadId, int received, int inserted, int updated, int unchanged, int closed, int rejected) {
        try (PreparedStatement update = connection().prepareStatement("""
                update receivable_load set received = ?, inserted = ?, updated = ?, unchanged = ?, closed = ?, rejected = ?
                where id = ?""")) {
            update.setInt(1, received);
            update.setInt(2, inserted);
            update.setInt(3, updated);
            update.setInt(4, unchanged);
            update.setInt(5, closed);
            update.setInt(6, rejected);
            update.setLong(7, loadId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed("finish a load", e);
        }
    }

    void createStage() {
        try (Statement create = connection().createStatement()) {
            create.execute("""
                    create temp table if not exists receivable_stage (
                        document_no varchar(64) not null, customer_ref varchar(100), country char(2), number varchar(20),
                        customer_key varchar(100) not null, doc_type varchar(12) not null, document_date date not null,
                        due_date date not null, amount numeric(19, 2) not null, currency char(3) not null, paid_date date
                    ) on commit drop""");
            create.execute("truncate receivable_stage");
            // the aggregate of every customer's figures and the snapshot's anti-join sort and hash a whole ledger
            create.execute("set local work_mem = '256MB'");
        } catch (SQLException e) {
            throw failed("prepare the load", e);
        }
    }

    /** Writes a batch of read lines into the staging table with {@code COPY}. */
    void stage(List<LineReading.Item> items) {
        if (items.isEmpty()) {
            return;
        }
        try {
            CopyIn copyIn =
                    connection().unwrap(PGConnection.class).getCopyAPI().copyIn("copy receivable_stage from stdin");
            try (Writer out = new BufferedWriter(
                    new OutputStreamWriter(new PGCopyOutputStream(copyIn), StandardCharsets.UTF_8), 1 << 16)) {
                for (LineReading.Item item : items) {
                    CopyText.escape(item.documentNo(), out);
                    out.write('\t');
                    CopyText.escape(item.customerRef(), out);
                    out.write('\t');
                    CopyText.escape(
                            item.company() == null ? null : item.company().country(), out);
                    out.write('\t');
                    CopyText.escape(
                            item.company() == null ? null : item.company().number(), out);
                    out.write('\t');
                    CopyText.escape(item.customerKey(), out);
                    out.write('\t');
                    out.write(item.type().name());
                    out.write('\t');
                    out.write(item.documentDate().toString());
                    out.write('\t');
                    out.write(item.dueDate().toString());
                    out.write('\t');
                    out.write(item.amount().toPlainString());
                    out.write('\t');
                    CopyText.escape(item.currency(), out);
                    out.write('\t');
                    CopyText.escape(
                            item.paidDate() == null ? null : item.paidDate().toString(), out);
                    out.write('\n');
                }
            }
        } catch (SQLException e) {
            throw failed("stage the load's lines", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stage the load's lines", e);
        }
    }

    /** Counts of the merge: new items, changed items. */
    record Merged(int inserted, int updated) {}

    Merged merge(UUID tenant, long loadId) {
        // document numbers are unique in the stage (the loader refuses a repeat), so it needs no index, only statistics
        try (Statement analyze = connection().createStatement()) {
            analyze.execute("analyze receivable_stage");
        } catch (SQLException e) {
            throw failed("prepare the merge", e);
        }
        try (PreparedStatement merge = connection().prepareStatement("""
                insert into receivable_item (tenant_id, document_no, customer_ref, country, number, customer_key, doc_type,
                                             document_date, due_date, amount, currency, paid_date, closed_by_load, load_id,
                                             updated_at)
                select ?, s.document_no, s.customer_ref, s.country, s.number, s.customer_key, s.doc_type, s.document_date,
                       s.due_date, s.amount, s.currency, s.paid_date, null, ?, now()
                from receivable_stage s
                on conflict (tenant_id, document_no) do update
                    set customer_ref = excluded.customer_ref, country = excluded.country, number = excluded.number,
                        customer_key = excluded.customer_key, doc_type = excluded.doc_type,
                        document_date = excluded.document_date, due_date = excluded.due_date, amount = excluded.amount,
                        currency = excluded.currency, paid_date = excluded.paid_date, closed_by_load = null,
                        load_id = excluded.load_id, updated_at = excluded.updated_at
                    where (receivable_item.customer_ref, receivable_item.country, receivable_item.number,
                           receivable_item.customer_key, receivable_item.doc_type, receivable_item.document_date,
                           receivable_item.due_date, receivable_item.amount, receivable_item.currency,
                           receivable_item.paid_date, receivable_item.closed_by_load)
                          is distinct from
                          (excluded.customer_ref, excluded.country, excluded.number, excluded.customer_key,
                           excluded.doc_type, excluded.document_date, excluded.due_date, excluded.amount,
                           excluded.currency, excluded.paid_date, null::bigint)
                returning (xmax = 0)""")) {
            merge.setObject(1, tenant);
            merge.setLong(2, loadId);
            int inserted = 0;
            int updated = 0;
            try (ResultSet rs = merge.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        inserted++;
                    } else {
                        updated++;
                    }
                }
            }
            return new Merged(inserted, updated);
        } catch (SQLException e) {
            throw failed("merge the load into the ledger", e);
        }
    }

    /**
     * A snapshot's closing: every open item it does not carry (nor names on a rejected line) was settled, on the
     * snapshot's date.
     */
    int closeAbsent(UUID tenant, long loadId, LocalDate asOf, Collection<String> keptOpen) {
        Connection connection = connection();
        try (PreparedStatement close = connection.prepareStatement("""
                update receivable_item i set paid_date = ?, closed_by_load = ?, load_id = ?, updated_at = now()
                where i.tenant_id = ? and i.paid_date is null
                  and not exists (select 1 from receivable_stage s where s.document_no = i.document_no)
                  and not (i.document_no = any(?::text[]))""")) {
            close.setDate(1, Date.valueOf(asOf));
            close.setLong(2, loadId);
            close.setLong(3, loadId);
            close.setObject(4, tenant);
            close.setArray(5, connection.createArrayOf("text", keptOpen.toArray()));
            return close.executeUpdate();
        } catch (SQLException e) {
            throw failed("close the items the snapshot no longer carries", e);
        }
    }

    static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("Could not " + what + ": " + e.getMessage(), e);
    }
}
