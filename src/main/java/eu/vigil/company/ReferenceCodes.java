package eu.vigil.company;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Descriptions of a source's codes (legal forms, juridical situations, NACE activities) in the languages it gives. */
@Service
public class ReferenceCodes {

    /** Which of the source's languages to show to a reader of each portal language, best first. */
    private static final Map<String, List<String>> PREFERENCES = Map.of(
            "fr", List.of("FR", "NL", "DE"),
            "nl", List.of("NL", "FR", "DE"),
            "it", List.of("FR", "NL", "DE"),
            "en", List.of("FR", "NL", "DE"));

    private final JdbcTemplate jdbc;
    private final SectionStore store;
    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    ReferenceCodes(JdbcTemplate jdbc, SectionStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Replaces all codes of {@code source} inside the caller's transaction. */
    public void replace(String source, Iterable<Code> codes) {
        jdbc.update("delete from reference_code where source = ?", source);
        try {
            CopyIn copyIn = store.connection()
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy reference_code (source, category, code, language, description) from stdin");
            try (Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                    new PGCopyOutputStream(copyIn), java.nio.charset.StandardCharsets.UTF_8))) {
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (Code code : codes) {
                    if (!seen.add(code.category() + '\u0000' + code.code() + '\u0000' + code.language())) {
                        continue;
                    }
                    for (String value : new String[] {source, code.category(), code.code(), code.language()}) {
                        CopyText.escape(value, out);
                        out.write('\t');
                    }
                    CopyText.escape(code.description(), out);
                    out.write('\n');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the codes of " + source + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cache.clear();
    }

    /** The description of a code for a reader of {@code portalLanguage}, falling back across the source's languages. */
    public Optional<String> describe(String source, String category, String code, String portalLanguage) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> descriptions =
                cache.computeIfAbsent(source + '/' + category, key -> load(source, category));
        for (String language :
                PREFERENCES.getOrDefault(portalLanguage.toLowerCase(Locale.ROOT), List.of("FR", "NL", "DE"))) {
            String description = descriptions.get(code + '/' + language);
            if (description != null) {
                return Optional.of(description);
            }
        }
        return Optional.empty();
    }

    private Map<String, String> load(String source, String category) {
        Map<String, String> descriptions = new ConcurrentHashMap<>();
        jdbc.query(
                "select code, language, description from reference_code where source = ? and category = ?",
                rs -> {
                    descriptions.put(rs.getString(1) + '/' + rs.getString(2), rs.getString(3));
                },
                source,
                category);
        return descriptions;
    }

    public record Code(String category, String code, String language, String description) {}
}
