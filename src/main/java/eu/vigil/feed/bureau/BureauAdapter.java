package eu.vigil.feed.bureau;

import static eu.vigil.feed.internal.RecordValues.date;
import static eu.vigil.feed.internal.RecordValues.decimal;
import static eu.vigil.feed.internal.RecordValues.given;
import static eu.vigil.feed.internal.RecordValues.list;
import static eu.vigil.feed.internal.RecordValues.requiredDate;
import static eu.vigil.feed.internal.RecordValues.text;

import eu.vigil.company.CompanyId;
import eu.vigil.company.Section;
import eu.vigil.company.SectionStore;
import eu.vigil.company.SectionWrite;
import eu.vigil.company.StoredSection;
import eu.vigil.feed.RunView;
import eu.vigil.feed.bureau.BureauDocuments.CompanyRef;
import eu.vigil.feed.bureau.BureauDocuments.Governance;
import eu.vigil.feed.bureau.BureauDocuments.Incident;
import eu.vigil.feed.bureau.BureauDocuments.LegalEvents;
import eu.vigil.feed.bureau.BureauDocuments.Officer;
import eu.vigil.feed.bureau.BureauDocuments.Party;
import eu.vigil.feed.bureau.BureauDocuments.PaymentBehaviour;
import eu.vigil.feed.bureau.BureauDocuments.Scores;
import eu.vigil.feed.internal.ExtractFiles;
import eu.vigil.feed.internal.ExtractInfo;
import eu.vigil.feed.internal.FeedAdapter;
import eu.vigil.feed.internal.IngestionContext;
import eu.vigil.feed.internal.RecordReader;
import eu.vigil.signal.DetectedSignal;
import eu.vigil.signal.FieldValues;
import eu.vigil.signal.NetworkSignals;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The credit-bureau snapshot feed (src/docs/feeds.md §5): one company per line, the bureau's current view as of
 * {@code as_of}, JSON Lines or CSV. A field a line does not give is unknown, not removed. Fills the
 * scores, payment-behaviour, governance and legal-events sections and keeps the officer index.
 */
@Component
class BureauAdapter implements FeedAdapter {

    private static final Logger log = LoggerFactory.getLogger(BureauAdapter.class);
    static final String SOURCE = "bureau";
    private static final int BATCH = 1_000;
    private static final String FILE = "The bureau file";
    static final List<String> REQUIRED = List.of("country", "number", "as_of");
    static final Set<String> COLUMNS = Set.of(
            "country",
            "number",
            "as_of",
            "bureau",
            "rating",
            "risk_class",
            "pd",
            "credit_limit",
            "currency",
            "payment_score",
            "dbt_days",
            "growth_score",
            "dissolution_score",
            "multiscore",
            "officers",
            "auditor",
            "parent",
            "protests",
            "seizures",
            "social_security_summons",
            "tax_debts",
            "judgments",
            "payment_incidents");
    private static final List<String> RATINGS =
            List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D", "NR");

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public ExtractInfo inspect(ExtractFiles files) throws IOException {
        LocalDate asOf = RecordReader.firstDate(files, FILE, REQUIRED, COLUMNS, "as_of");
        return new ExtractInfo(null, "snapshot", asOf, "Bureau snapshot of " + asOf);
    }

    @Override
    public void checkOrder(ExtractInfo extract, Optional<RunView> last) {
        // each line carries its own as_of: a line older than what Vigil holds is quarantined, not the file
    }

    @Override
    public void ingest(ExtractFiles files, ExtractInfo extract, IngestionContext context) throws IOException {
        Map<CompanyId, Line> batch = new LinkedHashMap<>();
        try (RecordReader reader = RecordReader.open(files, FILE, REQUIRED, COLUMNS)) {
            while (reader.next()) {
                context.read();
                ObjectNode record = reader.record();
                if (record == null) {
                    context.quarantine(
                            FILE, reader.line(), reader.raw(), "Line " + reader.line() + " is " + reader.error());
                    continue;
                }
                Line line;
                try {
                    line = parse(record, reader.line(), reader.raw());
                } catch (IllegalArgumentException e) {
                    context.quarantine(FILE, reader.line(), reader.raw(), e.getMessage());
                    continue;
                }
                if (batch.containsKey(line.company())) {
                    flush(batch, extract, context);
                }
                batch.put(line.company(), line);
                if (batch.size() >= BATCH) {
                    flush(batch, extract, context);
                }
            }
        }
        flush(batch, extract, context);
    }

    /** One line, checked: every field it gives has the right type. */
    record Line(CompanyId company, LocalDate asOf, JsonNode record, long number, String raw) {}

    private static Line parse(ObjectNode record, long number, String raw) {
        CompanyId company = eu.vigil.feed.internal.RecordValues.company(record, "number");
        LocalDate asOf = requiredDate(record, "as_of");
        String rating = text(record, "rating");
        if (rating != null && !RATINGS.contains(rating.toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("rating '" + rating + "' is not on the scale AAA..D or NR");
        }
        BigDecimal riskClass = decimal(record, "risk_class");
        if (riskClass != null
                && (riskClass.compareTo(BigDecimal.ONE) < 0 || riskClass.compareTo(BigDecimal.valueOf(5)) > 0)) {
            throw new IllegalArgumentException("risk_class must be 1 to 5, found " + riskClass.toPlainString());
        }
        BigDecimal pd = decimal(record, "pd");
        if (pd != null && (pd.signum() < 0 || pd.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("pd must be a probability between 0 and 1, found " + pd.toPlainString());
        }
        for (String field : List.of(
                "credit_limit", "payment_score", "dbt_days", "growth_score", "dissolution_score", "multiscore")) {
            decimal(record, field);
        }
        for (String field : List.of(
                "protests", "seizures", "social_security_summons", "tax_debts", "judgments", "payment_incidents")) {
            incidents(record, field);
        }
        officers(record);
        parent(record);
        return new Line(company, asOf, record, number, raw);
    }

    private static List<Incident> incidents(JsonNode record, String field) {
        Iterable<JsonNode> items = list(record, field);
        if (items == null) {
            return null;
        }
        List<Incident> incidents = new ArrayList<>();
        int index = 0;
        for (JsonNode item : items) {
            String where = field + "[" + index++ + "]";
            if (!item.isObject()) {
                throw new IllegalArgumentException(where + " must be an object with a date");
            }
            LocalDate date = date(item, "date");
            BigDecimal amount = decimal(item, "amount");
            BigDecimal daysLate = decimal(item, "days_late");
            incidents.add(new Incident(
                    date == null ? null : date.toString(),
                    amount,
                    daysLate == null ? null : daysLate.intValue(),
                    text(item, "description")));
        }
        return incidents;
    }

    private static List<Officer> officers(JsonNode record) {
        Iterable<JsonNode> items = list(record, "officers");
        if (items == null) {
            return null;
        }
        List<Officer> officers = new ArrayList<>();
        int index = 0;
        for (JsonNode item : items) {
            String where = "officers[" + index++ + "]";
            if (!item.isObject() || text(item, "id") == null && text(item, "name") == null) {
                throw new IllegalArgumentException(where + " must be an object with an id or a name");
            }
            LocalDate since = date(item, "since");
            officers.add(new Officer(
                    text(item, "id"), text(item, "name"), text(item, "role"), since == null ? null : since.toString()));
        }
        return officers;
    }

    private static CompanyRef parent(JsonNode record) {
        JsonNode parent = record.get("parent");
        if (parent == null || parent.isNull()) {
            return null;
        }
        if (!parent.isObject()) {
            throw new IllegalArgumentException("parent must be an object with a country and a number");
        }
        CompanyId id = eu.vigil.feed.internal.RecordValues.company(parent, "parent.number");
        return new CompanyRef(id.country(), id.number());
    }

    private static Party auditor(JsonNode record) {
        JsonNode auditor = record.get("auditor");
        if (auditor == null || auditor.isNull() || !auditor.isObject()) {
            return null;
        }
        return new Party(text(auditor, "id"), text(auditor, "name"));
    }

    private void flush(Map<CompanyId, Line> batch, ExtractInfo extract, IngestionContext context) {
        if (batch.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        SectionStore store = context.store();
        Map<String, Map<String, Line>> byCountry = new LinkedHashMap<>();
        batch.values()
                .forEach(line -> byCountry
                        .computeIfAbsent(line.company().country(), c -> new LinkedHashMap<>())
                        .put(line.company().number(), line));
        Map<Long, Line> lines = new LinkedHashMap<>();
        for (var country : byCountry.entrySet()) {
            SectionStore.Resolved resolved =
                    store.resolve(country.getKey(), country.getValue().keySet(), context.runId());
            context.counters().created += resolved.created().size();
            country.getValue()
                    .forEach((number, line) -> lines.put(resolved.ids().get(number), line));
        }
        Map<Long, StoredSection> scores = store.load(lines.keySet(), Section.SCORES);
        Map<Long, StoredSection> payments = store.load(lines.keySet(), Section.PAYMENT_BEHAVIOUR);
        Map<Long, StoredSection> governances = store.load(lines.keySet(), Section.GOVERNANCE);
        Map<Long, StoredSection> legals = store.load(lines.keySet(), Section.LEGAL_EVENTS);
        List<SectionWrite> writes = new ArrayList<>();
        Map<Long, List<DetectedSignal>> fired = new HashMap<>();
        Map<Long, NetworkSignals.Governance> governanceIndex = new HashMap<>();
        Map<Long, List<NetworkSignals.Officer>> appointed = new HashMap<>();
        Map<Long, LocalDate> asOfs = new HashMap<>();
        Map<Long, StoredSection[]> current = new LinkedHashMap<>();
        Map<Long, LocalDate> helds = new HashMap<>();
        for (var entry : lines.entrySet()) {
            long companyId = entry.getKey();
            Line line = entry.getValue();
            StoredSection[] stored = {
                scores.get(companyId), payments.get(companyId), governances.get(companyId), legals.get(companyId)
            };
            LocalDate held = null;
            for (StoredSection section : stored) {
                if (section != null && (held == null || section.asOf().isAfter(held))) {
                    held = section.asOf();
                }
            }
            if (held != null && line.asOf().isBefore(held)) {
                context.quarantine(
                        FILE,
                        line.number(),
                        line.raw(),
                        "as_of " + line.asOf() + " is older than the bureau view Vigil holds for "
                                + line.company().display() + " (as of " + held + "); the line was not applied");
                continue;
            }
            context.applied(1);
            current.put(companyId, stored);
            if (held != null) {
                helds.put(companyId, held);
            }
        }
        long loaded = System.nanoTime();
        // the diffs are pure and independent: spread them over the cores
        String extractName = extract.name();
        var engine = context.signals();
        Map<Long, Diff> diffs = current.entrySet().parallelStream()
                .map(e -> Map.entry(
                        e.getKey(),
                        Optional.ofNullable(diff(
                                e.getKey(),
                                lines.get(e.getKey()),
                                e.getValue(),
                                helds.get(e.getKey()),
                                engine,
                                extractName))))
                .filter(e -> e.getValue().isPresent())
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> e.getValue().get(), (a, b) -> a, LinkedHashMap::new));
        diffs.forEach((companyId, diff) -> {
            writes.addAll(diff.writes());
            fired.put(companyId, diff.detected());
            asOfs.put(companyId, lines.get(companyId).asOf());
            if (diff.governance() != null) {
                governanceIndex.put(companyId, diff.governance());
            }
            if (!diff.appointed().isEmpty()) {
                appointed.put(companyId, diff.appointed());
            }
        });
        long diffed = System.nanoTime();
        Set<Long> changed = store.upsert(writes, context.runId());
        long written = System.nanoTime();
        context.counters().changed += changed.size();
        governanceIndex.keySet().retainAll(changed);
        appointed.keySet().retainAll(changed);
        fired.keySet().retainAll(changed);
        var connection = store.connection();
        if (!governanceIndex.isEmpty()) {
            context.network().index(connection, governanceIndex, extract.snapshot());
        }
        if (!appointed.isEmpty()) {
            context.network()
                    .newOfficers(connection, appointed, extract.snapshot())
                    .forEach((companyId, signals) -> {
                        List<DetectedSignal> all = new ArrayList<>(fired.getOrDefault(companyId, List.of()));
                        signals.forEach(d -> all.add(d.datedIfUndated(asOfs.get(companyId))));
                        fired.put(companyId, all);
                    });
        }
        long indexed = System.nanoTime();
        context.recordSignals(connection, fired);
        if (log.isDebugEnabled()) {
            long end = System.nanoTime();
            log.debug(
                    "Bureau batch of {} lines: resolved and loaded in {} ms, diffed in {} ms, {} sections written in {} ms,"
                            + " officer index in {} ms, signals recorded in {} ms",
                    batch.size(),
                    (loaded - started) / 1_000_000,
                    (diffed - loaded) / 1_000_000,
                    writes.size(),
                    (written - diffed) / 1_000_000,
                    (indexed - written) / 1_000_000,
                    (end - indexed) / 1_000_000);
        }
        batch.clear();
    }

    /** What one line changes for one company: the sections to write, the signals, the governance for the index (null when it did not change). */
    record Diff(
            List<SectionWrite> writes,
            List<DetectedSignal> detected,
            NetworkSignals.Governance governance,
            List<NetworkSignals.Officer> appointed) {}

    private static final List<String> SCORE_FIELDS = List.of(
            "bureau",
            "rating",
            "risk_class",
            "pd",
            "credit_limit",
            "currency",
            "payment_score",
            "growth_score",
            "dissolution_score",
            "multiscore");
    private static final List<String> PAYMENT_FIELDS = List.of("dbt_days", "payment_incidents");
    private static final List<String> GOVERNANCE_FIELDS = List.of("officers", "auditor", "parent");
    private static final List<String> LEGAL_FIELDS =
            List.of("protests", "seizures", "social_security_summons", "tax_debts", "judgments");

    /**
     * Merges a line onto the stored sections ({@code held}: their newest as-of, null at first sight) and
     * diffs; null when nothing changed. A stored section is parsed only when the line leaves some of its
     * fields unknown or its hash differs: an unchanged complete snapshot costs a serialisation and a hash.
     */
    static Diff diff(
            long companyId,
            Line line,
            StoredSection[] stored,
            LocalDate held,
            eu.vigil.signal.SignalEngine engine,
            String extractName) {
        JsonNode r = line.record();
        Scores oldScores = complete(r, SCORE_FIELDS) ? null : read(stored[0], Scores.class);
        PaymentBehaviour oldPayment = complete(r, PAYMENT_FIELDS) ? null : read(stored[1], PaymentBehaviour.class);
        Governance oldGovernance = complete(r, GOVERNANCE_FIELDS) ? null : read(stored[2], Governance.class);
        LegalEvents oldLegal = complete(r, LEGAL_FIELDS) ? null : read(stored[3], LegalEvents.class);
        Scores base = oldScores == null ? Scores.EMPTY : oldScores;
        Scores newScores = new Scores(
                pick(r, "bureau", base.bureau(), n -> text(n, "bureau")),
                pick(r, "rating", base.rating(), n -> text(n, "rating").toUpperCase(java.util.Locale.ROOT)),
                pick(r, "risk_class", base.riskClass(), n -> decimal(n, "risk_class")),
                pick(r, "pd", base.pd(), n -> decimal(n, "pd")),
                pick(r, "credit_limit", base.creditLimit(), n -> decimal(n, "credit_limit")),
                pick(r, "currency", base.currency(), n -> text(n, "currency")),
                pick(r, "payment_score", base.paymentScore(), n -> decimal(n, "payment_score")),
                pick(r, "growth_score", base.growthScore(), n -> decimal(n, "growth_score")),
                pick(r, "dissolution_score", base.dissolutionScore(), n -> decimal(n, "dissolution_score")),
                pick(r, "multiscore", base.multiscore(), n -> decimal(n, "multiscore")));
        PaymentBehaviour paymentBase = oldPayment == null ? PaymentBehaviour.EMPTY : oldPayment;
        PaymentBehaviour newPayment = new PaymentBehaviour(
                pick(r, "dbt_days", paymentBase.dbt(), n -> decimal(n, "dbt_days")),
                pick(r, "payment_incidents", paymentBase.incidents(), n -> incidents(n, "payment_incidents")));
        Governance governanceBase = oldGovernance == null ? Governance.EMPTY : oldGovernance;
        Governance newGovernance = new Governance(
                pick(r, "officers", governanceBase.officers(), BureauAdapter::officers),
                pick(r, "auditor", governanceBase.auditor(), BureauAdapter::auditor),
                pick(r, "parent", governanceBase.parent(), BureauAdapter::parent));
        LegalEvents legalBase = oldLegal == null ? LegalEvents.EMPTY : oldLegal;
        LegalEvents newLegal = new LegalEvents(
                pick(r, "protests", legalBase.protests(), n -> incidents(n, "protests")),
                pick(r, "seizures", legalBase.seizures(), n -> incidents(n, "seizures")),
                pick(
                        r,
                        "social_security_summons",
                        legalBase.socialSecuritySummons(),
                        n -> incidents(n, "social_security_summons")),
                pick(r, "tax_debts", legalBase.taxDebts(), n -> incidents(n, "tax_debts")),
                pick(r, "judgments", legalBase.judgments(), n -> incidents(n, "judgments")));
        SectionWrite[] views = {
            write(companyId, Section.SCORES, newScores, extractName, line.asOf()),
            write(companyId, Section.PAYMENT_BEHAVIOUR, newPayment, extractName, line.asOf()),
            write(companyId, Section.GOVERNANCE, newGovernance, extractName, line.asOf()),
            write(companyId, Section.LEGAL_EVENTS, newLegal, extractName, line.asOf())
        };
        boolean same = true;
        for (int i = 0; i < views.length; i++) {
            if (stored[i] == null || stored[i].hash() != views[i].hash()) {
                same = false;
            }
        }
        if (same) {
            // the hash short-cut: the bureau's view did not change, nothing to compare or write
            return null;
        }
        List<SectionWrite> writes = new ArrayList<>(4);
        boolean[] changed = new boolean[views.length];
        for (int i = 0; i < views.length; i++) {
            changed[i] = stored[i] == null || stored[i].hash() != views[i].hash();
            if (changed[i]) {
                writes.add(views[i]);
            }
        }
        // only the sections that changed are compared: an unchanged one cannot fire anything
        oldScores = !changed[0] ? null : oldScores != null ? oldScores : read(stored[0], Scores.class);
        oldPayment = !changed[1] ? null : oldPayment != null ? oldPayment : read(stored[1], PaymentBehaviour.class);
        Governance governanceBefore =
                !changed[2] ? null : oldGovernance != null ? oldGovernance : read(stored[2], Governance.class);
        oldLegal = !changed[3] ? null : oldLegal != null ? oldLegal : read(stored[3], LegalEvents.class);

        String home = line.company().country();
        FieldValues after = BureauFields.of(
                home,
                changed[0] ? newScores : null,
                changed[1] ? newPayment : null,
                changed[2] ? newGovernance : null,
                changed[3] ? newLegal : null,
                line.asOf());
        List<DetectedSignal> detected = held == null
                ? engine.firstSeen(after, line.asOf())
                : engine.detect(
                        BureauFields.of(
                                home, oldScores, oldPayment, changed[2] ? governanceBefore : null, oldLegal, held),
                        after);
        NetworkSignals.Governance governance = !changed[2]
                ? null
                : new NetworkSignals.Governance(
                        newGovernance.officers().stream()
                                .map(o -> new NetworkSignals.Officer(o.person(), o.name(), o.role(), since(o.since())))
                                .toList(),
                        newGovernance.parent() == null
                                ? null
                                : newGovernance.parent().country(),
                        newGovernance.parent() == null
                                ? null
                                : newGovernance.parent().number());
        List<NetworkSignals.Officer> fresh = List.of();
        if (governanceBefore != null) {
            Set<String> before = new LinkedHashSet<>(
                    governanceBefore.officers().stream().map(Officer::person).toList());
            fresh = newGovernance.officers().stream()
                    .filter(o -> !before.contains(o.person()))
                    .map(o -> new NetworkSignals.Officer(o.person(), o.name(), o.role(), since(o.since())))
                    .toList();
        }
        return new Diff(
                writes,
                detected.stream().map(d -> d.datedIfUndated(line.asOf())).toList(),
                governance,
                fresh);
    }

    private static boolean complete(JsonNode record, List<String> fields) {
        for (String field : fields) {
            if (!record.has(field)) {
                return false;
            }
        }
        return true;
    }

    private static <T> T pick(JsonNode record, String field, T old, Function<JsonNode, T> parse) {
        return given(record, field) ? parse.apply(record) : old;
    }

    private static LocalDate since(String iso) {
        return BureauFields.date(iso);
    }

    private static <T> T read(StoredSection section, Class<T> type) {
        return section == null ? null : BureauDocuments.JSON.readValue(section.json(), type);
    }

    private static SectionWrite write(
            long companyId, Section section, Object document, String extract, LocalDate asOf) {
        return new SectionWrite(
                companyId, section, BureauDocuments.JSON.writeValueAsString(document), SOURCE, extract, asOf);
    }
}
