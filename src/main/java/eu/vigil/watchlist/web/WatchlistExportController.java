package eu.vigil.watchlist.web;

import eu.vigil.company.CompanyScores;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import eu.vigil.watchlist.EntryFilter;
import eu.vigil.watchlist.EntryView;
import eu.vigil.watchlist.Exports;
import eu.vigil.watchlist.WatchlistManagement;
import eu.vigil.watchlist.WatchlistView;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A watchlist as filtered on its page, as CSV or XLSX: the entry, its light and the light's reason in columns of their own,
 * the owner by name, the company's latest bureau scores. Cells that a spreadsheet would run as formulas are neutralised.
 */
@Controller
class WatchlistExportController {

    private final WatchlistManagement watchlists;
    private final UserManagement users;
    private final WatchlistLabels labels;
    private final MessageSource messages;
    private final CompanyScores scores;
    private final eu.vigil.company.CompanyStatuses statuses;
    private final eu.vigil.company.CompanyStatusWords statusWords;

    WatchlistExportController(
            WatchlistManagement watchlists,
            UserManagement users,
            WatchlistLabels labels,
            MessageSource messages,
            CompanyScores scores,
            eu.vigil.company.CompanyStatuses statuses,
            eu.vigil.company.CompanyStatusWords statusWords) {
        this.scores = scores;
        this.statuses = statuses;
        this.statusWords = statusWords;
        this.watchlists = watchlists;
        this.users = users;
        this.labels = labels;
        this.messages = messages;
    }

    @GetMapping("/watchlists/{id}/export.csv")
    void csv(@PathVariable UUID id, ExportFilter query, HttpServletResponse response) throws IOException {
        WatchlistView watchlist = watchlists.watchlist(id);
        EntryFilter filter = query.filter();
        Map<UUID, String> people = people();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(watchlist, "csv"));
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get());
        printer.printRecord(header());
        inBatches(id, filter, (entry, facts) -> {
            try {
                printer.printRecord(row(entry, facts, people).stream()
                        .map(WatchlistExportController::text)
                        .map(Exports::neutralise)
                        .toList());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    /** Numbers, amounts (in their currency's format), percentages and dates are typed cells; text is text. */
    @GetMapping("/watchlists/{id}/export.xlsx")
    void xlsx(@PathVariable UUID id, ExportFilter query, HttpServletResponse response) throws IOException {
        WatchlistView watchlist = watchlists.watchlist(id);
        EntryFilter filter = query.filter();
        Map<UUID, String> people = people();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(watchlist, "xlsx"));
        Workbook workbook = new Workbook(response.getOutputStream(), "Vigil", "1.0");
        Worksheet sheet = workbook.newWorksheet("Watchlist");
        List<String> header = header();
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
        }
        sheet.range(0, 0, 0, header.size() - 1).style().bold().set();
        sheet.freezePane(0, 1);
        int[] r = {1};
        inBatches(id, filter, (entry, facts) -> {
            List<Object> row = row(entry, facts, people);
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                int at = r[0];
                switch (value) {
                    case null -> {}
                    case Money money -> {
                        sheet.value(at, c, money.value());
                        sheet.style(at, c)
                                .format("#,##0.00 \"" + money.currency().replace("\"", "") + "\"")
                                .set();
                    }
                    case Percent percent -> {
                        sheet.value(at, c, percent.value());
                        sheet.style(at, c).format("0.00%").set();
                    }
                    case BigDecimal number -> sheet.value(at, c, number);
                    case LocalDate date -> {
                        sheet.value(at, c, date);
                        sheet.style(at, c).format("yyyy-mm-dd").set();
                    }
                    // text cells, so nothing a spreadsheet could evaluate; neutralised for those who re-save as CSV
                    default -> sheet.value(at, c, Exports.neutralise(value.toString()));
                }
            }
            r[0]++;
        });
        workbook.finish();
    }

    /** An amount in a currency, and a probability shown as a percentage: typed cells with their format. */
    private record Money(BigDecimal value, String currency) {}

    private record Percent(BigDecimal value) {}

    private static final List<String> COLUMNS = List.of(
            "country",
            "number",
            "reference",
            "company",
            "status",
            "status-since",
            "type",
            "credit-limit",
            "limit-currency",
            "exposure",
            "exposure-currency",
            "owner",
            "tags",
            "light",
            "light-reason",
            "light-date",
            "rating",
            "risk-class",
            "pd",
            "bureau-limit",
            "bureau-currency",
            "added",
            "outstanding",
            "overdue",
            "dbt",
            "ledger-currency",
            "score",
            "grade",
            "advised-limit",
            "above-advice");

    private List<String> header() {
        Locale locale = LocaleContextHolder.getLocale();
        return COLUMNS.stream()
                .map(k -> messages.getMessage("watchlist.export." + k, null, locale))
                .toList();
    }

    /** The entries in order, with the latest scores of their companies, read a thousand at a time. */
    private void inBatches(UUID id, EntryFilter filter, java.util.function.BiConsumer<EntryView, Facts> consumer) {
        List<EntryView> batch = new java.util.ArrayList<>(1000);
        Runnable flush = () -> {
            List<Long> ids = batch.stream()
                    .map(EntryView::companyId)
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .toList();
            Map<Long, CompanyScores.Scores> latest = scores.latest(ids);
            Map<Long, eu.vigil.company.CompanyStatus> status = statuses.of(ids);
            batch.forEach(e -> consumer.accept(
                    e,
                    e.companyId() == null
                            ? new Facts(null, null)
                            : new Facts(latest.get(e.companyId()), status.get(e.companyId()))));
            batch.clear();
        };
        watchlists.each(id, filter, entry -> {
            batch.add(entry);
            if (batch.size() == 1000) {
                flush.run();
            }
        });
        flush.run();
    }

    /** What the registry and the bureau say of an entry's company: its status and latest scores (null when unknown). */
    private record Facts(CompanyScores.Scores scores, eu.vigil.company.CompanyStatus status) {}

    private List<Object> row(EntryView e, Facts facts, Map<UUID, String> people) {
        Locale locale = LocaleContextHolder.getLocale();
        CompanyScores.Scores s = facts.scores();
        List<Object> row = new java.util.ArrayList<>(COLUMNS.size());
        row.add(e.country());
        row.add(e.display());
        row.add(e.reference());
        row.add(e.name());
        row.add(statusWords.kind(facts.status(), locale));
        row.add(facts.status() == null ? null : facts.status().since());
        row.add(messages.getMessage("watchlist.type." + e.relationship().key(), null, locale));
        row.add(
                e.creditLimit() == null
                        ? null
                        : new Money(e.creditLimit().value(), e.creditLimit().currency()));
        row.add(e.creditLimit() == null ? null : e.creditLimit().currency());
        row.add(
                e.exposure() == null
                        ? null
                        : new Money(e.exposure().value(), e.exposure().currency()));
        row.add(e.exposure() == null ? null : e.exposure().currency());
        row.add(e.ownerId() == null ? null : people.get(e.ownerId()));
        row.add(e.tags().isEmpty() ? null : String.join(", ", e.tags()));
        row.add(messages.getMessage("watchlist.light." + e.light(), null, e.light(), locale));
        row.add(e.lightCode() == null ? null : labels.signal(e.lightCode()));
        row.add(e.lightDate());
        row.add(s == null ? null : s.rating());
        row.add(s == null ? null : s.riskClass());
        row.add(s == null || s.pd() == null ? null : new Percent(s.pd()));
        row.add(
                s == null || s.creditLimit() == null
                        ? null
                        : new Money(s.creditLimit(), s.currency() == null ? "EUR" : s.currency()));
        row.add(s == null || s.creditLimit() == null ? null : s.currency() == null ? "EUR" : s.currency());
        row.add(java.time.LocalDate.ofInstant(e.addedAt(), ZoneId.of("Europe/Brussels")));
        eu.vigil.watchlist.EntryLedger ledger = e.ledger();
        row.add(ledger == null ? null : new Money(ledger.outstanding(), ledger.currency()));
        row.add(ledger == null ? null : new Money(ledger.overdue(), ledger.currency()));
        row.add(ledger == null ? null : ledger.dbt());
        row.add(ledger == null ? null : ledger.currency());
        row.add(ledger == null || ledger.score() == null ? null : BigDecimal.valueOf(ledger.score()));
        row.add(ledger == null ? null : ledger.grade());
        row.add(
                ledger == null || ledger.advisedLimit() == null
                        ? null
                        : new Money(ledger.advisedLimit(), ledger.currency()));
        row.add(
                ledger == null || ledger.advisedLimit() == null
                        ? null
                        : messages.getMessage(
                                ledger.aboveAdvice() ? "watchlist.ledger.above" : "watchlist.ledger.within",
                                null,
                                locale));
        return row;
    }

    /** A cell as CSV writes it: plain numbers with a dot, ISO dates, probabilities as given. */
    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Money money -> money.value().toPlainString();
            case Percent percent -> percent.value().toPlainString();
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }

    private Map<UUID, String> people() {
        Map<UUID, String> people = new HashMap<>();
        for (UserView user : users.users()) {
            people.put(
                    user.id(),
                    user.displayName() == null || user.displayName().isBlank() ? user.email() : user.displayName());
        }
        return people;
    }

    private static String attachment(WatchlistView watchlist, String extension) {
        String name = watchlist.name().replaceAll("[^\\p{L}\\p{N} ._-]", "_") + "." + extension;
        return ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
    }

    /** The list's filters as the export links carry them (the same as the page's), sorted by number. */
    record ExportFilter(String light, String type, UUID owner, String tag, Boolean alerts, String q) {

        EntryFilter filter() {
            return WatchlistController.filter(light, type, owner, tag, alerts, q, "number", false);
        }
    }
}
