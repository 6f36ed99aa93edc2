package eu.vigil.analytics.web;

import eu.vigil.analytics.internal.LedgerAnalytics;
import eu.vigil.company.ReaderFormats;
import eu.vigil.shared.ChartJson;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Amounts and chart data of the analytics page in the reader's language; templates call it as {@code @analyticsFmt}. */
@Component("analyticsFmt")
class AnalyticsFormats {

    private final MessageSource messages;

    AnalyticsFormats(MessageSource messages) {
        this.messages = messages;
    }

    public String amount(BigDecimal value, String currency) {
        return value == null ? "—" : ReaderFormats.amount(value, currency, LocaleContextHolder.getLocale());
    }

    public String days(BigDecimal value) {
        return value == null ? "—" : ReaderFormats.number(value, 0, 1, LocaleContextHolder.getLocale());
    }

    /** Exposure by age bucket, one bar each (see charts.js). */
    String ageChart(LedgerAnalytics.Slice total) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> keys = List.copyOf(LedgerAnalytics.BUCKETS.keySet());
        StringBuilder json = new StringBuilder("{\"labels\":[");
        for (int i = 0; i < keys.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append(ChartJson.string(messages.getMessage("analytics.bucket." + keys.get(i), null, locale)));
        }
        json.append("],\"datasets\":[");
        ChartJson.dataset(
                json,
                messages.getMessage("analytics.outstanding", null, locale),
                "#0d6efd",
                keys.stream().map(k -> number(total.bucket(k))).toList());
        return json.append("]}").toString();
    }

    /** Outstanding and overdue at each month's end. */
    String amountChart(List<LedgerAnalytics.Month> months) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder json = labels(months);
        ChartJson.dataset(
                json,
                messages.getMessage("analytics.outstanding", null, locale),
                "#0d6efd",
                values(months, LedgerAnalytics.Month::outstanding));
        json.append(',');
        ChartJson.dataset(
                json,
                messages.getMessage("analytics.overdue", null, locale),
                "#dc3545",
                values(months, LedgerAnalytics.Month::overdue));
        return json.append("]}").toString();
    }

    /** DSO at each month's end. */
    String dsoChart(List<LedgerAnalytics.Month> months) {
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder json = labels(months);
        ChartJson.dataset(
                json,
                messages.getMessage("analytics.dso", null, locale),
                "#6f42c1",
                values(months, LedgerAnalytics.Month::dso));
        return json.append("]}").toString();
    }

    private static StringBuilder labels(List<LedgerAnalytics.Month> months) {
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yyyy", LocaleContextHolder.getLocale());
        StringBuilder json = new StringBuilder("{\"labels\":[");
        for (int i = 0; i < months.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append(ChartJson.string(label.format(months.get(i).end())));
        }
        return json.append("],\"datasets\":[");
    }

    private static List<String> values(
            List<LedgerAnalytics.Month> months, Function<LedgerAnalytics.Month, BigDecimal> value) {
        return months.stream().map(m -> number(value.apply(m))).toList();
    }

    private static String number(BigDecimal value) {
        return value == null ? "null" : value.toPlainString();
    }
}
