package eu.vigil.portfolio.web;

import eu.vigil.portfolio.Portfolio;
import eu.vigil.shared.ChartJson;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Amounts, ages and the chart's data as the home pages show them, in the reader's language; templates call it as {@code @portfolioFormats}. */
@Component
class PortfolioFormats {

    private final MessageSource messages;

    PortfolioFormats(MessageSource messages) {
        this.messages = messages;
    }

    /** A sum in whole units of its currency, as the locale writes money ({@code 25 000 €}, {@code € 25.000}). */
    public String money(Portfolio.Money money) {
        if (money == null) {
            return "—";
        }
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat format =
                NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty() ? defaultRegion(locale) : locale);
        try {
            format.setCurrency(Currency.getInstance(money.currency()));
        } catch (IllegalArgumentException e) {
            // an unknown code keeps the locale's currency sign off: shown as the number and the code
            return NumberFormat.getIntegerInstance(locale).format(money.value()) + " " + money.currency();
        }
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format.format(money.value());
    }

    /** How long ago, in the largest whole unit: minutes, hours or days. */
    public String age(Instant then) {
        if (then == null) {
            return "—";
        }
        Duration ago = Duration.between(then, Instant.now());
        Locale locale = LocaleContextHolder.getLocale();
        if (ago.toHours() < 1) {
            return messages.getMessage("portfolio.age.minutes", new Object[] {Math.max(0, ago.toMinutes())}, locale);
        }
        if (ago.toDays() < 2) {
            return messages.getMessage("portfolio.age.hours", new Object[] {ago.toHours()}, locale);
        }
        return messages.getMessage("portfolio.age.days", new Object[] {ago.toDays()}, locale);
    }

    /** The red and amber chart's data, for Chart.js (see charts.js): month labels in the reader's language. */
    public String chart(List<Portfolio.Month> months) {
        Locale locale = LocaleContextHolder.getLocale();
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        StringBuilder json = new StringBuilder("{\"labels\":[");
        for (int i = 0; i < months.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append(ChartJson.string(label.format(months.get(i).month())));
        }
        json.append("],\"datasets\":[");
        ChartJson.dataset(
                json,
                messages.getMessage("watchlist.light.red", null, locale),
                "#dc3545",
                months.stream().map(m -> String.valueOf(m.red())).toList());
        json.append(',');
        ChartJson.dataset(
                json,
                messages.getMessage("watchlist.light.amber", null, locale),
                "#fd7e14",
                months.stream().map(m -> String.valueOf(m.amber())).toList());
        return json.append("]}").toString();
    }

    private static Locale defaultRegion(Locale locale) {
        return switch (locale.getLanguage()) {
            case "fr" -> Locale.FRANCE;
            case "nl" -> Locale.of("nl", "BE");
            case "it" -> Locale.ITALY;
            default -> Locale.UK;
        };
    }
}
