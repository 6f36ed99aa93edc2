package eu.vigil.receivables.web;

import eu.vigil.company.ReaderFormats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Amounts, shares and days of the receivables pages in the reader's language; templates call it as {@code @ledgerFmt}. */
@Component("ledgerFmt")
class ReceivablesFormats {

    public String amount(BigDecimal value, String currency) {
        return value == null ? "—" : ReaderFormats.amount(value, currency, LocaleContextHolder.getLocale());
    }

    /** A share from 0 to 1 as a percentage. */
    /** An amount kept as plain text (a limit advice's reasoning), in the reader's language. */
    public String plainAmount(String plain, String currency) {
        return plain == null ? "—" : amount(new BigDecimal(plain), currency);
    }

    public String share(BigDecimal fraction) {
        return fraction == null ? "—" : ReaderFormats.percent(fraction, LocaleContextHolder.getLocale());
    }

    /** A percentage (95.5) as one (95,5 %). */
    public String percent(BigDecimal percent) {
        return percent == null
                ? "—"
                : ReaderFormats.percent(
                        percent.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP),
                        LocaleContextHolder.getLocale());
    }

    public String number(BigDecimal value) {
        return value == null ? "—" : ReaderFormats.number(value, 0, 1, LocaleContextHolder.getLocale());
    }

    /** A signed number of days, with its sign when it grew. */
    public String trend(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        String number = ReaderFormats.number(value, 0, 1, LocaleContextHolder.getLocale());
        return value.signum() > 0 ? "+" + number : number;
    }
}
