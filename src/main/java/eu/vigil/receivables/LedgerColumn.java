package eu.vigil.receivables;

/** A field of the ledger a spreadsheet column can hold. */
public enum LedgerColumn {
    DOCUMENT_NUMBER,
    CUSTOMER,
    COMPANY_NUMBER,
    TYPE,
    DOCUMENT_DATE,
    DUE_DATE,
    AMOUNT,
    DEBIT,
    CREDIT,
    CURRENCY,
    PAID_DATE;

    /** The message key of its name. */
    public String key() {
        return "receivables.column." + name();
    }
}
