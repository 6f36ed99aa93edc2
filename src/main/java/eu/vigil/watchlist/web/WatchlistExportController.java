package eu.vigil.watchlist.web;

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
import java.nio.charset.StandardCharsets;
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

/** A watchlist as filtered on its page, as CSV or XLSX; cells that a spreadsheet would run as formulas are neutralised. */
@Controller
class WatchlistExportController {

    private final WatchlistManagement watchlists;
    private final UserManagement users;
    private final WatchlistLabels labels;
    private final MessageSource messages;

    WatchlistExportController(WatchlistManagement watchlists, UserManagement users, WatchlistLabels labels, MessageSource messages) {
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
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get());
        printer.printRecord(header());
        watchlists.each(id, filter, entry -> {
            try {
                printer.printRecord(row(entry, people).stream().map(Exports::neutralise).toList());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        printer.flush();
    }

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
        int[] r = {1};
        watchlists.each(id, filter, entry -> {
            List<String> row = row(entry, people);
            for (int c = 0; c < row.size(); c++) {
                // written as text cells, so nothing a spreadsheet could evaluate; neutralised for those who re-save as CSV
                sheet.value(r[0], c, Exports.neutralise(row.get(c)));
            }
            r[0]++;
        });
        workbook.finish();
    }

    private List<String> header() {
        Locale locale = LocaleContextHolder.getLocale();
        return List.of("country", "number", "reference", "type", "credit-limit", "exposure", "owner", "tags").stream()
                .map(k -> messages.getMessage("watchlist.export." + k, null, locale)).collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toList(), list -> {
                            list.add(3, messages.getMessage("watchlist.company", null, locale));
                            list.add(messages.getMessage("watchlist.filter.light", null, locale));
                            return list;
                        }));
    }

    private List<String> row(EntryView e, Map<UUID, String> people) {
        return new java.util.ArrayList<>(List.of(e.country(), e.display(), nz(e.reference()), nz(e.name()),
                messages.getMessage("watchlist.type." + e.relationship().key(), null, LocaleContextHolder.getLocale()),
                e.creditLimit() == null ? "" : e.creditLimit().value().toPlainString() + " " + e.creditLimit().currency(),
                e.exposure() == null ? "" : e.exposure().value().toPlainString() + " " + e.exposure().currency(),
                e.ownerId() == null ? "" : nz(people.get(e.ownerId())), String.join(", ", e.tags()),
                labels.reason(e.light(), e.lightCode(), e.lightDate())));
    }

    private Map<UUID, String> people() {
        Map<UUID, String> people = new HashMap<>();
        for (UserView user : users.users()) {
            people.put(user.id(), user.email());
        }
        return people;
    }

    private static String attachment(WatchlistView watchlist, String extension) {
        String name = watchlist.name().replaceAll("[^\\p{L}\\p{N} ._-]", "_") + "." + extension;
        return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** The list's filters as the export links carry them (the same as the page's), sorted by number. */
    record ExportFilter(String light, String type, UUID owner, String tag, Boolean alerts, String q) {

        EntryFilter filter() {
            return WatchlistController.filter(light, type, owner, tag, alerts, q, "number", false);
        }
    }
}
