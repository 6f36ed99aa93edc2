package eu.vigil.receivables;

/** What an item of the ledger is: an invoice adds to the balance, a credit note or a payment takes from it. */
public enum DocumentType {
    INVOICE,
    CREDIT_NOTE,
    PAYMENT
}
