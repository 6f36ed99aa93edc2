package eu.vigil.demo.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes annual-accounts filings as the accounts feed takes them (src/docs/feeds.md §4): JSON Lines, one filing per line. */
public final class AccountsFileWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountsFileWriter() {}

    /** One filing; {@code items} by rubric code (10/15, 100, 20/58, ..., 9076), {@code auditorOpinion} may be null. */
    public record Filing(
            String country,
            String number,
            LocalDate filedOn,
            LocalDate periodStart,
            LocalDate periodEnd,
            String model,
            String currency,
            Map<String, Number> items,
            String auditorOpinion) {}

    public static String line(Filing filing) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("country", filing.country());
        line.put("number", filing.number());
        line.put("filed_on", filing.filedOn().toString());
        if (filing.periodStart() != null) {
            line.put("period_start", filing.periodStart().toString());
        }
        line.put("period_end", filing.periodEnd().toString());
        line.put("model", filing.model());
        line.put("currency", filing.currency());
        line.put("items", filing.items());
        if (filing.auditorOpinion() != null) {
            line.put("auditor_opinion", filing.auditorOpinion());
        }
        return JSON.writeValueAsString(line);
    }

    public static Path write(Path file, Iterable<Filing> filings) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Filing filing : filings) {
                out.write(line(filing));
                out.write('\n');
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
