package eu.vigil.receivables;

/**
 * One line of a load as the ERP wrote it, every field as text (the API's JSON and a spreadsheet's cells alike): read
 * and checked by the loader, which says which row, which field and why when it cannot take it.
 *
 * @param row     the line's place in the load (the spreadsheet's row, the API array's index from 1)
 * @param amount  signed amount; or leave it empty and give {@code debit} and {@code credit}
 */
public record ItemLine(
        int row,
        String documentNumber,
        String customer,
        String companyNumber,
        String type,
        String documentDate,
        String dueDate,
        String amount,
        String debit,
        String credit,
        String currency,
        String paidDate) {}
