package eu.vigil.receivables;

import eu.vigil.receivables.internal.Ledger;
import eu.vigil.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the bound tenant's open items and payments, from the API or an upload, and recomputes its customers. */
@Service
public class ReceivablesLoading {

    private final Ledger ledger;

    ReceivablesLoading(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * One load, in one transaction: lines read and staged in batches, merged on their document numbers (a line equal to
     * the stored item changes nothing, so a replayed load changes nothing and fires nothing), a snapshot's absent open
     * items closed, every customer's figures recomputed and the receivables signals recorded.
     *
     * @param currency the tenant's reporting currency from now on; null keeps it (EUR until set)
     * @param rates    units of the tenant's currency for one unit of each other currency, kept until replaced
     */
    @Transactional
    public LoadReport load(
            LoadMode mode,
            LocalDate asOf,
            String source,
            String currency,
            Map<String, BigDecimal> rates,
            Iterator<ItemLine> lines,
            String loadedBy) {
        return ledger.load(TenantContext.require(), mode, asOf, source, currency, rates, lines, loadedBy);
    }
}
