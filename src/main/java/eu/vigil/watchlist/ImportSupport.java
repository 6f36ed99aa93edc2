package eu.vigil.watchlist;

import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.TenantManagement;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import eu.vigil.watchlist.internal.ColumnMapping;
import eu.vigil.watchlist.internal.NumberReading;
import eu.vigil.watchlist.internal.RawRow;
import eu.vigil.watchlist.internal.Watchlist;
import eu.vigil.watchlist.internal.WatchlistImport;
import eu.vigil.watchlist.internal.WatchlistImportRepository;
import eu.vigil.watchlist.internal.Wording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the import's classes share: finding an upload of the tenant, the owners it may name, its wordings. */
@Component
class ImportSupport {

    private final WatchlistManagement watchlists;
    private final WatchlistImportRepository imports;
    private final UserManagement users;
    private final TenantManagement tenants;
    private final MessageSource messages;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ImportSupport(
            WatchlistManagement watchlists,
            WatchlistImportRepository imports,
            UserManagement users,
            TenantManagement tenants,
            MessageSource messages,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager) {
        this.watchlists = watchlists;
        this.imports = imports;
        this.users = users;
        this.tenants = tenants;
        this.messages = messages;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
    }

    TransactionTemplate tx() {
        return tx;
    }

    /** The tenant's upload {@code importId} into its watchlist {@code watchlistId}, or 404. Runs in a transaction. */
    WatchlistImport requireImport(UUID watchlistId, UUID importId) {
        Watchlist watchlist = watchlists.require(watchlistId);
        return imports.findById(importId)
                .filter(i -> i.getWatchlistId().equals(watchlist.getId()))
                .orElseThrow(() -> new NotFoundException("Upload"));
    }

    /** The tenant's users by lower-case e-mail and display name, as an owner column may name them. */
    Map<String, UUID> owners() {
        Map<String, UUID> owners = new HashMap<>();
        for (UserView user : tx.execute(status -> users.users())) {
            owners.put(user.email().toLowerCase(Locale.ROOT), user.id());
            if (user.displayName() != null && !user.displayName().isBlank()) {
                owners.putIfAbsent(user.displayName().strip().toLowerCase(Locale.ROOT), user.id());
            }
        }
        return owners;
    }

    ColumnMapping detect(List<RawRow> first) {
        Map<String, UUID> owners = owners();
        String tenantCountry = tx.execute(status -> tenants.country());
        return ColumnMapping.detect(first, tenantCountry, owners::containsKey);
    }

    String tenantCountry() {
        return tx.execute(status -> tenants.country());
    }

    /** Records why an upload failed, in a transaction of its own. */
    void failed(UUID importId, Wording reason) {
        tx.executeWithoutResult(status -> imports.findById(importId).ifPresent(upload -> {
            upload.fail(reason.in(messages, Locale.ENGLISH), reason);
            imports.save(upload);
        }));
    }

    String error(WatchlistImport upload, Locale locale) {
        Wording wording = upload.getErrorWording();
        return wording == null ? upload.getError() : wording.in(messages, locale);
    }

    String warning(String field, Wording wording, Locale locale) {
        return messages.getMessage(
                "watchlist.warning.field",
                new Object[] {
                    messages.getMessage("watchlist.column." + field, null, field, locale), wording.in(messages, locale)
                },
                locale);
    }

    String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    String worded(Wording wording, Locale locale) {
        return wording.in(messages, locale);
    }

    /** Each row's warnings, worded in {@code locale}, by row. */
    Map<Integer, List<String>> warnings(UUID importId, Locale locale) {
        Map<Integer, List<String>> byRow = new HashMap<>();
        jdbc.query(
                """
                select row_no, field, detail_key, detail_args from watchlist_import_warning
                where import_id = ? order by row_no, seq""",
                rs -> {
                    Wording wording = new Wording(
                            rs.getString(3), List.of((String[]) rs.getArray(4).getArray()));
                    byRow.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(warning(rs.getString(2), wording, locale));
                },
                importId);
        return byRow;
    }

    /** A rejected row's reason in {@code locale}: columns {@code detail, detail_key, detail_args} at 4 to 6. */
    String detail(java.sql.ResultSet rs, Locale locale) throws java.sql.SQLException {
        String key = rs.getString(5);
        if (key == null) {
            return rs.getString(4);
        }
        java.sql.Array args = rs.getArray(6);
        return new Wording(key, List.of((String[]) args.getArray())).in(messages, locale);
    }

    /** A country of numbers without a prefix as a form or the API gives it: null for none or "auto". */
    static String country(String code) {
        if (code == null || code.isBlank() || code.equalsIgnoreCase("auto")) {
            return null;
        }
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (!NumberReading.COUNTRIES.contains(c)) {
            throw new WatchlistException("watchlist.error.country", code.strip());
        }
        return c;
    }

    static WatchlistException refusal(Wording reason) {
        return reason == null
                ? new WatchlistException("watchlist.error.unexpected")
                : new WatchlistException(reason.key(), reason.arguments());
    }

    static String safeName(String fileName) {
        String name = fileName == null || fileName.isBlank()
                ? "upload"
                : Path.of(fileName.replace('\\', '/')).getFileName().toString();
        return name.length() > 300 ? name.substring(0, 300) : name;
    }
}
