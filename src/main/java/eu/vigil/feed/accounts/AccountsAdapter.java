package eu.vigil.feed.accounts;

import static eu.vigil.feed.internal.RecordValues.decimal;
import static eu.vigil.feed.internal.RecordValues.requiredDate;
import static eu.vigil.feed.internal.RecordValues.text;

import eu.vigil.company.CompanyId;
import eu.vigil.company.Section;
import eu.vigil.company.SectionStore;
import eu.vigil.company.SectionWrite;
import eu.vigil.company.StoredSection;
import eu.vigil.feed.RunView;
import eu.vigil.feed.accounts.AccountsDocument.Filing;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.ExtractInfo;
import eu.vigil.feed.internal.FeedAdapter;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.internal.RecordReader;
import eu.vigil.signal.DetectedSignal;
import eu.vigil.signal.FieldValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The annual accounts feed (src/docs/feeds.md §4): JSON Lines, one filing per line, items by Belgian rubric code.
 * Fills the accounts section; each filing is compared with the company's previous latest one and its
 * signals are dated on the day it was filed.
 */
@Component
class AccountsAdapter implements FeedAdapter {

    static final String SOURCE = "accounts";
    private static final String FILE = "The accounts file";
    private static final int BATCH = 1_000;
    static final List<String> REQUIRED = List.of("country", "number", "filed_on", "period_end", "items");
    static final Set<String> COLUMNS = Set.of(
            "country",
            "number",
            "filed_on",
            "period_start",
            "period_end",
            "model",
            "currency",
            "items",
            "auditor_opinion");
    static final Set<String> OPINIONS = Set.of("unqualified", "qualified", "adverse", "disclaimer", "going-concern");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public ExtractInfo inspect(ExtractFiles files) throws IOException {
        LocalDate filedOn = RecordReader.firstDate(files, FILE, REQUIRED, COLUMNS, "filed_on");
        return new ExtractInfo(null, "filings", filedOn, "Annual accounts from " + filedOn);
    }

    @Override
    public void checkOrder(ExtractInfo extract, Optional<RunView> last) {
        // filings carry their own periods: a late or corrected filing is welcome in any order
    }

    private record Line(CompanyId company, Filing filing, long number) {}

    @Override
    public void ingest(ExtractFiles files, ExtractInfo extract, IngestionContext context) throws IOException {
        Map<CompanyId, List<Line>> batch = new LinkedHashMap<>();
        int lines = 0;
        try (RecordReader reader = RecordReader.open(files, FILE, REQUIRED, COLUMNS)) {
            while (reader.next()) {
                context.read();
                ObjectNode record = reader.record();
                if (record == null) {
                    context.quarantine(
                            FILE, reader.line(), reader.raw(), "Line " + reader.line() + " is " + reader.error());
                    continue;
                }
                try {
                    Line line = parse(record, reader.line());
                    batch.computeIfAbsent(line.company(), c -> new ArrayList<>())
                            .add(line);
                    lines++;
                } catch (IllegalArgumentException e) {
                    context.quarantine(FILE, reader.line(), reader.raw(), e.getMessage());
                    continue;
                }
                if (lines >= BATCH) {
                    flush(batch, extract, context);
                    lines = 0;
                }
            }
        }
        flush(batch, extract, context);
    }

    private static Line parse(ObjectNode record, long number) {
        CompanyId company = eu.vigil.feed.internal.RecordValues.company(record, "number");
        LocalDate filedOn = requiredDate(record, "filed_on");
        LocalDate periodEnd = requiredDate(record, "period_end");
        LocalDate periodStart = eu.vigil.feed.internal.RecordValues.date(record, "period_start");
        if (periodStart != null && !periodStart.isBefore(periodEnd)) {
            throw new IllegalArgumentException(
                    "period_start " + periodStart + " is not before period_end " + periodEnd);
        }
        if (filedOn.isBefore(periodEnd)) {
            throw new IllegalArgumentException(
                    "filed_on " + filedOn + " is before the end of the period (" + periodEnd + ")");
        }
        JsonNode items = record.get("items");
        if (items == null || !items.isObject()) {
            throw new IllegalArgumentException(
                    "items must be an object of rubric codes and amounts, e.g. {\"70\": 8200000}");
        }
        Map<String, BigDecimal> amounts = new TreeMap<>();
        for (var item : items.properties()) {
            BigDecimal amount = decimal(items, item.getKey());
            if (amount != null) {
                amounts.put(item.getKey(), amount);
            }
        }
        String opinion = text(record, "auditor_opinion");
        if (opinion != null && !OPINIONS.contains(opinion.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("auditor_opinion '" + opinion + "' is not one of "
                    + String.join(", ", OPINIONS.stream().sorted().toList()));
        }
        boolean late = filedOn.isAfter(AccountsDocument.deadline(periodEnd));
        Filing filing = new Filing(
                periodStart == null ? null : periodStart.toString(),
                periodEnd.toString(),
                filedOn.toString(),
                text(record, "model"),
                text(record, "currency"),
                amounts,
                opinion == null ? null : opinion.toLowerCase(Locale.ROOT),
                late);
        return new Line(company, filing, number);
    }

    private void flush(Map<CompanyId, List<Line>> batch, ExtractInfo extract, IngestionContext context) {
        if (batch.isEmpty()) {
            return;
        }
        SectionStore store = context.store();
        Map<Long, List<Line>> byCompany = new LinkedHashMap<>();
        Map<String, Map<String, List<Line>>> byCountry = new LinkedHashMap<>();
        batch.forEach((id, lines) -> byCountry
                .computeIfAbsent(id.country(), c -> new LinkedHashMap<>())
                .put(id.number(), lines));
        for (var country : byCountry.entrySet()) {
            SectionStore.Resolved resolved =
                    store.resolve(country.getKey(), country.getValue().keySet(), context.runId());
            context.counters().created += resolved.created().size();
            country.getValue()
                    .forEach((number, lines) -> byCompany.put(resolved.ids().get(number), lines));
        }
        Map<Long, StoredSection> stored = store.load(byCompany.keySet(), Section.ACCOUNTS);
        List<SectionWrite> writes = new ArrayList<>(byCompany.size());
        Map<Long, List<DetectedSignal>> fired = new HashMap<>();
        for (var entry : byCompany.entrySet()) {
            long companyId = entry.getKey();
            List<Line> lines = new ArrayList<>(entry.getValue());
            lines.sort(Comparator.comparing((Line l) -> l.filing().periodEnd())
                    .thenComparing(l -> l.filing().filedOn()));
            String home = lines.getFirst().company().country();
            StoredSection section = stored.get(companyId);
            AccountsDocument state = section == null
                    ? AccountsDocument.EMPTY
                    : AccountsDocument.JSON.readValue(section.json(), AccountsDocument.class);
            List<DetectedSignal> signals = new ArrayList<>();
            LocalDate asOf = section == null ? null : section.asOf();
            for (Line line : lines) {
                AccountsDocument next = state.with(line.filing());
                FieldValues before = AccountsFields.of(home, state);
                FieldValues after = AccountsFields.of(home, next);
                LocalDate filedOn = LocalDate.parse(line.filing().filedOn());
                List<DetectedSignal> detected =
                        new ArrayList<>(context.signals().detect(before, after));
                if (state.latest() == null) {
                    Set<String> already = new HashSet<>(
                            detected.stream().map(d -> d.signal().code()).toList());
                    context.signals().firstSeen(after, filedOn).stream()
                            .filter(d -> already.add(d.signal().code()))
                            .forEach(detected::add);
                }
                detected.forEach(d -> signals.add(d.datedIfUndated(filedOn)));
                state = next;
                asOf = asOf == null || filedOn.isAfter(asOf) ? filedOn : asOf;
                context.applied(1);
            }
            writes.add(new SectionWrite(
                    companyId,
                    Section.ACCOUNTS,
                    AccountsDocument.JSON.writeValueAsString(state),
                    SOURCE,
                    extract.name(),
                    asOf));
            fired.put(companyId, signals);
        }
        Set<Long> changed = store.upsert(writes, context.runId());
        context.counters().changed += changed.size();
        fired.keySet().retainAll(changed);
        context.recordSignals(store.connection(), fired);
        batch.clear();
    }
}
