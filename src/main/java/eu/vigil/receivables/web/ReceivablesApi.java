package eu.vigil.receivables.web;

import eu.vigil.receivables.CustomerFigures;
import eu.vigil.receivables.ItemLine;
import eu.vigil.receivables.LoadMode;
import eu.vigil.receivables.LoadReport;
import eu.vigil.receivables.OpenItem;
import eu.vigil.receivables.ReceivablesException;
import eu.vigil.receivables.ReceivablesLoading;
import eu.vigil.receivables.ReceivablesQueries;
import eu.vigil.tenancy.ApiLanguage;
import eu.vigil.watchlist.Uploader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/receivables")
@Tag(
        name = "Receivables",
        description = "The tenant's open items and payments (a full snapshot or a delta, idempotent on the document "
                + "number) and each customer's figures")
@SecurityRequirement(name = "apiKey")
class ReceivablesApi {

    private final ReceivablesLoading loading;
    private final ReceivablesQueries queries;
    private final ApiLanguage language;
    private final MessageSource messages;

    ReceivablesApi(
            ReceivablesLoading loading, ReceivablesQueries queries, ApiLanguage language, MessageSource messages) {
        this.loading = loading;
        this.queries = queries;
        this.language = language;
        this.messages = messages;
    }

    /** An item as the ERP sends it; numbers and dates may come as JSON numbers or text in the ERP's own writing. */
    record Item(
            String documentNumber,
            String customer,
            String companyNumber,
            String type,
            String documentDate,
            String dueDate,
            String amount,
            String debit,
            String credit,
            String currency,
            String paidDate) {}

    record Load(String mode, String asOf, String currency, Map<String, BigDecimal> rates, List<Item> items) {}

    record Problem(int row, String field, String value, String reason) {}

    record Report(
            long loadId,
            LoadMode mode,
            LocalDate asOf,
            int received,
            int inserted,
            int updated,
            int unchanged,
            int closed,
            boolean closingSkipped,
            int customers,
            int unknownCustomers,
            int rejected,
            int signals,
            List<Problem> problems) {}

    @PostMapping(path = "/items", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Load open items and payments: {\"mode\": \"SNAPSHOT\"|\"DELTA\", \"asOf\", \"currency\", "
                            + "\"rates\": {\"USD\": 0.92}, \"items\": [...]}; a snapshot closes the open items it does not carry")
    Report load(@RequestBody Load body, HttpServletRequest request) {
        if (body == null || body.items() == null) {
            throw new ReceivablesException("receivables.error.noItems");
        }
        LoadMode mode = mode(body.mode());
        LocalDate asOf = asOf(body.asOf());
        List<Item> items = body.items();
        Iterator<ItemLine> lines = new Iterator<>() {
            int next = 0;

            @Override
            public boolean hasNext() {
                return next < items.size();
            }

            @Override
            public ItemLine next() {
                Item item = items.get(next++);
                return item == null
                        ? new ItemLine(next, null, null, null, null, null, null, null, null, null, null, null)
                        : new ItemLine(
                                next,
                                item.documentNumber(),
                                item.customer(),
                                item.companyNumber(),
                                item.type(),
                                item.documentDate(),
                                item.dueDate(),
                                item.amount(),
                                item.debit(),
                                item.credit(),
                                item.currency(),
                                item.paidDate());
            }
        };
        LoadReport report = loading.load(
                mode,
                asOf,
                "API",
                body.currency(),
                body.rates(),
                lines,
                Uploader.current().actor());
        Locale locale = language.of(request).locale();
        List<Problem> problems = new ArrayList<>(report.problems().size());
        for (LoadReport.LineProblem p : report.problems()) {
            problems.add(new Problem(
                    p.row(), p.field(), p.value(), messages.getMessage(p.reason(), null, p.reason(), locale)));
        }
        return new Report(
                report.loadId(),
                report.mode(),
                report.asOf(),
                report.received(),
                report.inserted(),
                report.updated(),
                report.unchanged(),
                report.closed(),
                report.closingSkipped(),
                report.customers(),
                report.unknownCustomers(),
                report.rejected(),
                report.signals(),
                problems);
    }

    @GetMapping("/customers")
    @Operation(summary = "Every customer's figures in the tenant's currency, largest outstanding first")
    List<CustomerFigures> customers() {
        return queries.customers();
    }

    @GetMapping("/unknown-items")
    @Operation(summary = "Open items of customers no watchlist entry matches by reference or company number")
    List<OpenItem> unknownItems(@RequestParam(defaultValue = "1000") int limit) {
        return queries.unknownCustomerItems(Math.max(1, Math.min(limit, 10_000)));
    }

    static LoadMode mode(String raw) {
        if (raw == null || raw.isBlank()) {
            return LoadMode.DELTA;
        }
        try {
            return LoadMode.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReceivablesException("receivables.error.mode", raw);
        }
    }

    static LocalDate asOf(String raw) {
        if (raw == null || raw.isBlank()) {
            return LocalDate.now();
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ReceivablesException("receivables.error.asOf", raw);
        }
    }
}
