package eu.vigil.signal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The catalogue's {@code internal} detectors: signals on a tenant's own receivables. Each fires when its figure crosses
 * the entry's threshold (from below it, or from no figures at all on a customer's first load), never again while the
 * figure stays beyond it, so a replayed load fires nothing.
 */
@Component
public class InternalSignals {

    private final SignalCatalogue catalogue;

    InternalSignals(SignalCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * A customer's receivables figures, as the detectors read them.
     *
     * @param outstanding        the open balance in the tenant's currency (shown as the signal's value)
     * @param utilisationPercent outstanding as a percentage of the credit limit; null without a limit
     * @param maxDaysOverdue     days past due of the oldest overdue invoice, 0 when none is
     * @param dbt                days beyond terms now, weighted by amount; null without invoices
     * @param dbtBefore          the days beyond terms of about three months before; null without such history
     * @param monthsOnTime       whole months the customer has paid every invoice on time (0 while one is overdue)
     */
    public record Figures(
            BigDecimal outstanding,
            BigDecimal utilisationPercent,
            int maxDaysOverdue,
            BigDecimal dbt,
            BigDecimal dbtBefore,
            int monthsOnTime) {}

    /** The signals that fire when a customer's figures go from {@code before} (null: first load) to {@code after}. */
    public List<DetectedSignal> detect(Figures before, Figures after) {
        List<DetectedSignal> fired = new ArrayList<>(0);
        for (Signal signal : catalogue.enabled()) {
            if (!"internal".equals(signal.detector()) || signal.field() == null) {
                continue;
            }
            switch (signal.field()) {
                case "internal.exposure" -> {
                    int percent = SignalEngine.number(signal, "percent", 100);
                    if (beyondLimit(after, percent) && !beyondLimit(before, percent)) {
                        fired.add(new DetectedSignal(
                                signal,
                                before == null ? null : plain(before.outstanding()),
                                plain(after.outstanding())));
                    }
                }
                case "internal.overdueDays" -> {
                    int days = SignalEngine.number(signal, "days", 60);
                    if (after.maxDaysOverdue() > days && (before == null || before.maxDaysOverdue() <= days)) {
                        fired.add(new DetectedSignal(
                                signal,
                                before == null ? null : String.valueOf(before.maxDaysOverdue()),
                                String.valueOf(after.maxDaysOverdue())));
                    }
                }
                case "internal.dbt" -> {
                    int points = SignalEngine.number(signal, "points", 15);
                    if (dbtRose(after, points) && !dbtRose(before, points)) {
                        fired.add(new DetectedSignal(signal, plain(after.dbtBefore()), plain(after.dbt())));
                    }
                }
                case "internal.paymentRecord" -> {
                    int months = SignalEngine.number(signal, "months", 12);
                    if (after.monthsOnTime() >= months && (before == null || before.monthsOnTime() < months)) {
                        fired.add(new DetectedSignal(signal, null, String.valueOf(after.monthsOnTime())));
                    }
                }
                default -> {}
            }
        }
        return fired;
    }

    /** At or above {@code percent} of the limit; above it when the threshold is the limit itself (at it is not over it). */
    private static boolean beyondLimit(Figures figures, int percent) {
        if (figures == null || figures.utilisationPercent() == null) {
            return false;
        }
        int compared = figures.utilisationPercent().compareTo(BigDecimal.valueOf(percent));
        return percent >= 100 ? compared > 0 : compared >= 0;
    }

    private static boolean dbtRose(Figures figures, int points) {
        return figures != null
                && figures.dbt() != null
                && figures.dbtBefore() != null
                && figures.dbt().subtract(figures.dbtBefore()).compareTo(BigDecimal.valueOf(points)) >= 0;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
