package eu.vigil.receivables.internal;

import eu.vigil.receivables.ItemLine;
import eu.vigil.receivables.LoadMode;
import eu.vigil.receivables.LoadReport;
import eu.vigil.receivables.LoadReport.LineProblem;
import eu.vigil.receivables.ReceivablesException;
import eu.vigil.signal.SignalEvents;
import eu.vigil.tenancy.TenantManagement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One load of a tenant's ledger, from the lines to the signals, on the caller's transaction. */
@Component
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** Rejected lines kept in a load's report; the count says how many more there were. */
    static final int REPORTED_PROBLEMS = 1_000;

    private final LedgerStore store;
    private final Figures figures;
    private final TenantManagement tenants;
    private final SignalEvents events;
    private final Scoring scoring;

    Ledger(LedgerStore store, Figures figures, TenantManagement tenants, SignalEvents events, Scoring scoring) {
        this.scoring = scoring;
        this.store = store;
        this.figures = figures;
        this.tenants = tenants;
        this.events = events;
    }

    public LoadReport load(
            UUID tenant,
            LoadMode mode,
            LocalDate asOf,
            String source,
            String currency,
            Map<String, BigDecimal> rates,
            Iterator<ItemLine> lines,
            String loadedBy) {
        String tenantCurrency = currency == null || currency.isBlank() ? store.currency(tenant) : code(currency);
        Map<String, BigDecimal> checkedRates = new TreeMap<>();
        if (rates != null) {
            rates.forEach((code, rate) -> {
                if (rate == null || rate.signum() <= 0) {
                    throw new ReceivablesException("receivables.error.rate", code);
                }
                checkedRates.put(code(code), rate);
            });
        }
        if (currency != null && !currency.isBlank()) {
            store.setCurrency(tenant, tenantCurrency);
        }
        store.setRates(tenant, checkedRates, asOf);
        String country = tenants.country();
        long loadId = store.startLoad(tenant, source, mode, asOf, loadedBy);
        store.createStage();
        long started = System.nanoTime();
        Set<String> seen = new HashSet<>();
        Set<String> keptOpen = new HashSet<>();
        List<LineProblem> problems = new ArrayList<>();
        int rejected = 0;
        boolean unreadableRejected = false;
        int received = 0;
        List<LineReading.Item> batch = new ArrayList<>(LedgerStore.BATCH);
        while (lines.hasNext()) {
            ItemLine line = lines.next();
            received++;
            LineReading.Read read = LineReading.read(line, country, tenantCurrency);
            List<LineProblem> lineProblems = read.problems();
            if (read.item() != null && !seen.add(read.item().documentNo())) {
                lineProblems = List.of(new LineProblem(
                        line.row(),
                        "documentNumber",
                        read.item().documentNo(),
                        "receivables.line.documentNumber.duplicate"));
            }
            if (!lineProblems.isEmpty()) {
                rejected++;
                if (problems.size() < REPORTED_PROBLEMS) {
                    problems.addAll(lineProblems);
                }
                String documentNo = line.documentNumber() == null
                        ? null
                        : line.documentNumber().strip();
                if (documentNo == null || documentNo.isEmpty()) {
                    unreadableRejected = true;
                } else {
                    keptOpen.add(documentNo);
                }
                continue;
            }
            batch.add(read.item());
            if (batch.size() == LedgerStore.BATCH) {
                store.stage(batch);
                batch.clear();
            }
        }
        store.stage(batch);
        long staged = System.nanoTime();
        LedgerStore.Merged merged = store.merge(tenant, loadId);
        long mergedAt = System.nanoTime();
        int closed = 0;
        boolean closingSkipped = mode == LoadMode.SNAPSHOT && unreadableRejected;
        if (mode == LoadMode.SNAPSHOT && !closingSkipped) {
            closed = store.closeAbsent(tenant, loadId, asOf, keptOpen);
        }
        int accepted = received - rejected;
        int unchanged = accepted - merged.inserted() - merged.updated();
        store.finishLoad(loadId, received, merged.inserted(), merged.updated(), unchanged, closed, rejected);
        long closedAt = System.nanoTime();
        Figures.Outcome outcome = figures.recompute(tenant, loadId, asOf, tenantCurrency);
        scoring.recompute(tenant, asOf, tenantCurrency);
        log.debug(
                "Receivables load #{}: {} lines read and staged in {} ms, merged in {} ms, closed in {} ms, figures and "
                        + "signals in {} ms",
                loadId,
                received,
                (staged - started) / 1_000_000,
                (mergedAt - staged) / 1_000_000,
                (closedAt - mergedAt) / 1_000_000,
                (System.nanoTime() - closedAt) / 1_000_000);
        events.announce(loadId, "receivables", outcome.events());
        return new LoadReport(
                loadId,
                mode,
                asOf,
                received,
                merged.inserted(),
                merged.updated(),
                unchanged,
                closed,
                closingSkipped,
                outcome.customers(),
                outcome.unknown(),
                rejected,
                outcome.events().size(),
                List.copyOf(problems));
    }

    private static String code(String currency) {
        String code = currency.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code).matches()) {
            throw new ReceivablesException("receivables.error.currency", currency);
        }
        return code;
    }
}
