package eu.vigil.watchlist;

import eu.vigil.watchlist.internal.Lights;
import eu.vigil.watchlist.internal.PortfolioReads;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who watches which company, across tenants: the index alerting fans signal events out through
 * ({@code watchlist_entry} by {@code company_id}), plus the names and traffic lights an alert shows.
 */
@Component
public class WatchedCompanies {

    private final DataSource dataSource;
    private final PortfolioReads reads;
    private final Lights lights;

    WatchedCompanies(DataSource dataSource, PortfolioReads reads, Lights lights) {
        this.dataSource = dataSource;
        this.reads = reads;
        this.lights = lights;
    }

    /** One entry of a tenant's watchlist on a known company, with what alert rules can scope on. */
    public record Watch(
            UUID tenantId,
            long companyId,
            String country,
            String number,
            long entryId,
            UUID watchlistId,
            Relationship relationship,
            List<String> tags,
            UUID ownerId,
            BigDecimal exposure,
            Instant addedAt) {}

    /** Every entry, of any tenant, on these companies, ordered by company and tenant; one query. */
    @Transactional(readOnly = true)
    public List<Watch> watching(Collection<Long> companyIds) {
        if (companyIds.isEmpty()) {
            return List.of();
        }
        List<Watch> watches = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement select = connection.prepareStatement("""
                select tenant_id, company_id, country, number, id, watchlist_id, relationship, tags, owner_id, exposure, added_at
                from watchlist_entry where company_id = any(?::bigint[]) order by company_id, tenant_id, id""")) {
            select.setArray(1, connection.createArrayOf("bigint", companyIds.toArray()));
            select.setFetchSize(10_000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Array tags = rs.getArray(8);
                    watches.add(new Watch(
                            rs.getObject(1, UUID.class),
                            rs.getLong(2),
                            rs.getString(3).trim(),
                            rs.getString(4),
                            rs.getLong(5),
                            rs.getObject(6, UUID.class),
                            Relationship.valueOf(rs.getString(7)),
                            tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
                            rs.getObject(9, UUID.class),
                            rs.getBigDecimal(10),
                            rs.getTimestamp(11).toInstant()));
                }
            }
            return watches;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read who watches these companies: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Whether this person owns at least one entry of the bound tenant's watchlists. */
    @Transactional(readOnly = true)
    public boolean ownsEntries(UUID userId) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement select = connection.prepareStatement(
                "select exists (select 1 from watchlist_entry where tenant_id = ? and owner_id = ?)")) {
            select.setObject(1, eu.vigil.tenancy.TenantContext.require());
            select.setObject(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read whether a person owns entries: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Each company's legal name, where Vigil knows one, in the current locale's language where it has one. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> companyIds) {
        return reads.names(
                companyIds,
                org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage());
    }

    /**
     * Each company's traffic light ({@code red}, {@code amber}, {@code green}) as its signal events make it now: computed,
     * not read from the stored lights, which the watchlist refreshes after each run on its own schedule.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> lights(Collection<Long> companyIds) {
        return lights.current(companyIds);
    }

    /** A company's traffic light now, the signal behind it and that signal's date (both null for green). */
    public record CompanyLight(String light, String code, java.time.LocalDate date) {}

    /** One company's light as its events and its status make it now: what the company page's summary shows. */
    @Transactional(readOnly = true)
    public CompanyLight light(long companyId) {
        Lights.Light light = lights.of(companyId);
        return new CompanyLight(light.light(), light.code(), light.date());
    }
}
