package eu.vigil.analytics.web;

import eu.vigil.analytics.internal.LedgerAnalytics;
import eu.vigil.analytics.internal.LedgerAnalytics.Filter;
import eu.vigil.company.CompanyDirectory;
import eu.vigil.receivables.ReceivablesQueries;
import eu.vigil.watchlist.Exports;
import eu.vigil.watchlist.WatchlistManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analytics page as a workbook, one sheet per figure: amounts are number cells in the tenant's currency, months
 * are date cells, headings and names text.
 */
@Controller
class AnalyticsExportController {

    private final LedgerAnalytics analytics;
    private final ReceivablesQueries receivables;
    private final WatchlistManagement watchlists;
    private final CompanyDirectory directory;
    private final MessageSource messages;

    AnalyticsExportController(
            LedgerAnalytics analytics,
            ReceivablesQueries receivables,
            WatchlistManagement watchlists,
            CompanyDirectory directory,
            MessageSource messages) {
        this.analytics = analytics;
        this.receivables = receivables;
        this.watchlists = watchlists;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/analytics/export.xlsx")
    void xlsx(@RequestParam(required = false) UUID watchlist, HttpServletResponse response) throws IOException {
        if (watchlist != null) {
            watchlists.watchlist(watchlist);
        }
        String currency = receivables.currency();
        LedgerAnalytics.Breakdown breakdown = analytics.breakdown(Filter.all(watchlist));
        List<LedgerAnalytics.Customer> atRisk = analytics.biggestAtRisk(watchlist, AnalyticsController.AT_RISK);
        Map<Long, String> names = AnalyticsController.names(directory, atRisk);
        List<LedgerAnalytics.Month> trend = analytics.trend(watchlist, LocalDate.now());
        String money = "#,##0.00 \"" + currency.replace("\"", "") + "\"";

        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("portfolio-analytics-" + LocalDate.now() + ".xlsx")
                        .build()
                        .toString());
        Workbook workbook = new Workbook(response.getOutputStream(), "Vigil", "1.0");

        Worksheet lights = sheet(
                workbook, "analytics.sheet.lights", "analytics.light", "analytics.customers", "analytics.outstanding");
        int r = 1;
        for (var e : breakdown.byLight().entrySet()) {
            lights.value(r, 0, text("analytics.light." + e.getKey()));
            lights.value(r, 1, e.getValue().customers());
            amount(lights, r, 2, e.getValue().outstanding(), money);
            r++;
        }

        Worksheet risk = sheet(
                workbook,
                "analytics.sheet.risk",
                "analytics.riskClass",
                "analytics.customers",
                "analytics.outstanding");
        r = 1;
        for (var e : breakdown.byRiskClass().entrySet()) {
            risk.value(r, 0, text("analytics.risk." + e.getKey()));
            risk.value(r, 1, e.getValue().customers());
            amount(risk, r, 2, e.getValue().outstanding(), money);
            r++;
        }

        Worksheet age = sheet(workbook, "analytics.sheet.age", "analytics.bucket", "analytics.outstanding");
        r = 1;
        for (String bucket : LedgerAnalytics.BUCKETS.keySet()) {
            age.value(r, 0, text("analytics.bucket." + bucket));
            amount(age, r, 1, breakdown.total().bucket(bucket), money);
            r++;
        }

        Worksheet matrix = workbook.newWorksheet(text("analytics.sheet.matrix"));
        matrix.value(0, 0, text("analytics.riskClass"));
        int c = 1;
        for (String bucket : LedgerAnalytics.OVERDUE_BUCKETS) {
            matrix.value(0, c++, text("analytics.bucket." + bucket));
        }
        matrix.range(0, 0, 0, c - 1).style().bold().set();
        r = 1;
        for (var e : breakdown.byRiskClass().entrySet()) {
            matrix.value(r, 0, text("analytics.risk." + e.getKey()));
            c = 1;
            for (String bucket : LedgerAnalytics.OVERDUE_BUCKETS) {
                amount(matrix, r, c++, e.getValue().bucket(bucket), money);
            }
            r++;
        }

        Worksheet top = sheet(
                workbook,
                "analytics.sheet.atRisk",
                "analytics.customer",
                "analytics.company",
                "analytics.light",
                "analytics.riskClass",
                "analytics.outstanding",
                "analytics.overdue",
                "analytics.overdue60");
        r = 1;
        for (LedgerAnalytics.Customer customer : atRisk) {
            top.value(
                    r,
                    0,
                    Exports.neutralise(
                            customer.customerRef() == null ? customer.customerKey() : customer.customerRef()));
            String name = customer.companyId() == null ? null : names.get(customer.companyId());
            if (name != null) {
                top.value(r, 1, Exports.neutralise(name));
            }
            top.value(r, 2, text("analytics.light." + customer.light()));
            top.value(r, 3, text("analytics.risk." + customer.risk()));
            amount(top, r, 4, customer.outstanding(), money);
            amount(top, r, 5, customer.overdue(), money);
            amount(top, r, 6, customer.overdueOver60(), money);
            r++;
        }

        Worksheet months = sheet(
                workbook,
                "analytics.sheet.trend",
                "analytics.monthEnd",
                "analytics.outstanding",
                "analytics.overdue",
                "analytics.dso");
        r = 1;
        for (LedgerAnalytics.Month month : trend) {
            months.value(r, 0, month.end());
            months.style(r, 0).format("yyyy-mm-dd").set();
            amount(months, r, 1, month.outstanding(), money);
            amount(months, r, 2, month.overdue(), money);
            if (month.dso() != null) {
                months.value(r, 3, month.dso());
                months.style(r, 3).format("0.0").set();
            }
            r++;
        }
        workbook.finish();
    }

    private Worksheet sheet(Workbook workbook, String name, String... headings) {
        Worksheet sheet = workbook.newWorksheet(text(name));
        for (int c = 0; c < headings.length; c++) {
            sheet.value(0, c, text(headings[c]));
        }
        sheet.range(0, 0, 0, headings.length - 1).style().bold().set();
        sheet.freezePane(0, 1);
        return sheet;
    }

    private static void amount(Worksheet sheet, int row, int column, BigDecimal value, String format) {
        if (value != null) {
            sheet.value(row, column, value);
            sheet.style(row, column).format(format).set();
        }
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
