package eu.vigil.receivables.internal;

import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.NameFolding;
import eu.vigil.company.ParseResult;
import eu.vigil.receivables.DocumentType;
import eu.vigil.receivables.ItemLine;
import eu.vigil.receivables.LoadReport.LineProblem;
import eu.vigil.watchlist.Amount;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a line of a load as ERPs write it: dates, signed amounts, debit and credit, document types in five languages. */
final class LineReading {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})(?: .*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(?:\\.0+)?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** Document type words of SAP (two-letter types), Exact, Odoo, Sage and people, folded. */
    private static final Map<String, DocumentType> TYPES = Map.ofEntries(
            Map.entry("invoice", DocumentType.INVOICE),
            Map.entry("inv", DocumentType.INVOICE),
            Map.entry("dr", DocumentType.INVOICE),
            Map.entry("rv", DocumentType.INVOICE),
            Map.entry("facture", DocumentType.INVOICE),
            Map.entry("fa", DocumentType.INVOICE),
            Map.entry("factuur", DocumentType.INVOICE),
            Map.entry("verkoopfactuur", DocumentType.INVOICE),
            Map.entry("fattura", DocumentType.INVOICE),
            Map.entry("rechnung", DocumentType.INVOICE),
            Map.entry("ausgangsrechnung", DocumentType.INVOICE),
            Map.entry("credit note", DocumentType.CREDIT_NOTE),
            Map.entry("credit memo", DocumentType.CREDIT_NOTE),
            Map.entry("cn", DocumentType.CREDIT_NOTE),
            Map.entry("dg", DocumentType.CREDIT_NOTE),
            Map.entry("avoir", DocumentType.CREDIT_NOTE),
            Map.entry("av", DocumentType.CREDIT_NOTE),
            Map.entry("note de credit", DocumentType.CREDIT_NOTE),
            Map.entry("creditnota", DocumentType.CREDIT_NOTE),
            Map.entry("creditfactuur", DocumentType.CREDIT_NOTE),
            Map.entry("nota di credito", DocumentType.CREDIT_NOTE),
            Map.entry("nc", DocumentType.CREDIT_NOTE),
            Map.entry("gutschrift", DocumentType.CREDIT_NOTE),
            Map.entry("payment", DocumentType.PAYMENT),
            Map.entry("pmt", DocumentType.PAYMENT),
            Map.entry("dz", DocumentType.PAYMENT),
            Map.entry("receipt", DocumentType.PAYMENT),
            Map.entry("paiement", DocumentType.PAYMENT),
            Map.entry("reglement", DocumentType.PAYMENT),
            Map.entry("encaissement", DocumentType.PAYMENT),
            Map.entry("betaling", DocumentType.PAYMENT),
            Map.entry("ontvangst", DocumentType.PAYMENT),
            Map.entry("pagamento", DocumentType.PAYMENT),
            Map.entry("incasso", DocumentType.PAYMENT),
            Map.entry("zahlung", DocumentType.PAYMENT),
            Map.entry("zahlungseingang", DocumentType.PAYMENT));

    private LineReading() {}

    /** A line read: invoices positive, credit notes and payments negative; the customer as its key says. */
    record Item(
            int row,
            String documentNo,
            String customerRef,
            CompanyId company,
            String customerKey,
            DocumentType type,
            LocalDate documentDate,
            LocalDate dueDate,
            BigDecimal amount,
            String currency,
            LocalDate paidDate) {}

    /** Either the item or the problems of its line. */
    record Read(Item item, List<LineProblem> problems) {}

    static Read read(ItemLine line, String tenantCountry, String tenantCurrency) {
        List<LineProblem> problems = new ArrayList<>(0);
        int row = line.row();
        String documentNo = blankToNull(line.documentNumber());
        if (documentNo == null) {
            problems.add(new LineProblem(row, "documentNumber", "", "receivables.line.documentNumber.missing"));
        } else if (documentNo.length() > 64) {
            problems.add(new LineProblem(row, "documentNumber", documentNo, "receivables.line.tooLong"));
        }
        String customer = blankToNull(line.customer());
        if (customer != null && customer.length() > 100) {
            problems.add(new LineProblem(row, "customer", customer, "receivables.line.tooLong"));
        }
        CompanyId company = null;
        String rawNumber = blankToNull(line.companyNumber());
        if (rawNumber != null) {
            switch (CompanyNumbers.parse(rawNumber, tenantCountry)) {
                case ParseResult.Valid valid -> company = valid.id();
                case ParseResult.Invalid invalid ->
                    problems.add(new LineProblem(
                            row,
                            "companyNumber",
                            rawNumber,
                            "receivables.line.companyNumber." + invalid.reason().name()));
            }
        }
        if (customer == null && rawNumber == null) {
            problems.add(new LineProblem(row, "customer", "", "receivables.line.customer.missing"));
        }
        LocalDate documentDate = date(row, "documentDate", line.documentDate(), true, problems);
        LocalDate dueDate = date(row, "dueDate", line.dueDate(), false, problems);
        LocalDate paidDate = date(row, "paidDate", line.paidDate(), false, problems);
        Amount amount = amount(row, line, tenantCurrency, problems);
        String currency = blankToNull(line.currency());
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            if (!CURRENCY.matcher(currency).matches()) {
                problems.add(new LineProblem(row, "currency", line.currency(), "receivables.line.currency.invalid"));
            }
        }
        DocumentType type = null;
        String rawType = blankToNull(line.type());
        if (rawType != null) {
            type = type(rawType);
            if (type == null) {
                problems.add(new LineProblem(row, "type", rawType, "receivables.line.type.invalid"));
            }
        }
        if (!problems.isEmpty()) {
            return new Read(null, problems);
        }
        BigDecimal value = amount.value();
        if (type == null) {
            type = value.signum() < 0 ? DocumentType.CREDIT_NOTE : DocumentType.INVOICE;
        }
        if (type != DocumentType.INVOICE) {
            value = value.abs().negate();
        }
        if (currency == null) {
            currency = amount.currency() == null ? tenantCurrency : amount.currency();
        }
        String key = customer != null ? customer : company.country() + " " + company.number();
        return new Read(
                new Item(
                        row,
                        documentNo,
                        customer,
                        company,
                        key,
                        type,
                        documentDate,
                        dueDate == null ? documentDate : dueDate,
                        value,
                        currency,
                        paidDate),
                List.of());
    }

    /** The types already read: an export repeats a handful of words a million times. */
    private static final Map<String, java.util.Optional<DocumentType>> READ_TYPES =
            new java.util.concurrent.ConcurrentHashMap<>();

    static DocumentType type(String raw) {
        if (READ_TYPES.size() > 10_000) {
            READ_TYPES.clear();
        }
        return READ_TYPES
                .computeIfAbsent(raw, r -> java.util.Optional.ofNullable(readType(r)))
                .orElse(null);
    }

    private static DocumentType readType(String raw) {
        String folded = NameFolding.fold(raw).replaceAll("[^a-z ]", " ").strip().replaceAll(" +", " ");
        try {
            return DocumentType.valueOf(raw.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException notOurName) {
            return TYPES.get(folded);
        }
    }

    /** ISO, day first with / . or - (as Europe writes it), SAP's yyyyMMdd, or an Excel serial day number. */
    static LocalDate parseDate(String raw) {
        String text = raw.strip();
        try {
            Matcher m = ISO.matcher(text);
            if (m.matches()) {
                return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
            }
            m = DAY_FIRST.matcher(text);
            if (m.matches()) {
                return LocalDate.of(num(m, 3), num(m, 2), num(m, 1));
            }
            m = COMPACT.matcher(text);
            if (m.matches()) {
                return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
            }
            if (EXCEL_SERIAL.matcher(text).matches()) {
                return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(text));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static LocalDate date(int row, String field, String raw, boolean required, List<LineProblem> problems) {
        String text = blankToNull(raw);
        if (text == null) {
            if (required) {
                problems.add(new LineProblem(row, field, "", "receivables.line.date.missing"));
            }
            return null;
        }
        LocalDate date = parseDate(text);
        if (date == null || date.getYear() < 1950 || date.getYear() > 2200) {
            problems.add(new LineProblem(row, field, text, "receivables.line.date.invalid"));
        }
        return date;
    }

    /** A signed amount, or debit minus credit; SAP writes a negative amount with its minus sign last. */
    private static Amount amount(int row, ItemLine line, String tenantCurrency, List<LineProblem> problems) {
        String amount = blankToNull(line.amount());
        String debit = blankToNull(line.debit());
        String credit = blankToNull(line.credit());
        if (amount == null && debit == null && credit == null) {
            problems.add(new LineProblem(row, "amount", "", "receivables.line.amount.missing"));
            return null;
        }
        if (amount != null) {
            return signed(row, "amount", amount, problems);
        }
        Amount d = debit == null ? null : signed(row, "debit", debit, problems);
        Amount c = credit == null ? null : signed(row, "credit", credit, problems);
        if ((debit != null && d == null) || (credit != null && c == null)) {
            return null;
        }
        BigDecimal value = (d == null ? BigDecimal.ZERO : d.value()).subtract(c == null ? BigDecimal.ZERO : c.value());
        String currency = d != null ? d.currency() : c.currency();
        return new Amount(value, currency);
    }

    private static Amount signed(int row, String field, String raw, List<LineProblem> problems) {
        String text = raw.strip();
        boolean negative = false;
        if (text.endsWith("-")) {
            negative = true;
            text = text.substring(0, text.length() - 1);
        } else if (text.startsWith("(") && text.endsWith(")")) {
            negative = true;
            text = text.substring(1, text.length() - 1);
        }
        try {
            Amount amount = Amount.parse(text).orElse(null);
            if (amount == null) {
                problems.add(new LineProblem(row, field, raw, "receivables.line.amount.invalid"));
                return null;
            }
            boolean explicitCurrency = !text.replaceAll("[^A-Za-z€$£]", "").isEmpty();
            return new Amount(
                    negative ? amount.value().negate() : amount.value(), explicitCurrency ? amount.currency() : null);
        } catch (Amount.TooLargeException e) {
            problems.add(new LineProblem(row, field, raw, "receivables.line.amount.tooLarge"));
            return null;
        } catch (IllegalArgumentException e) {
            problems.add(new LineProblem(row, field, raw, "receivables.line.amount.invalid"));
            return null;
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
