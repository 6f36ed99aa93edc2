package eu.vigil.receivables;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An item of the ledger as it is stored: amount in its own currency, negative for credit notes and payments. */
public record OpenItem(
        String documentNo,
        String customerKey,
        String customerRef,
        String country,
        String number,
        DocumentType type,
        LocalDate documentDate,
        LocalDate dueDate,
        BigDecimal amount,
        String currency,
        LocalDate paidDate) {}
