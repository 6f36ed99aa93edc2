package eu.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The migrations policy, enforced: a committed migration is never edited or removed (databases that applied it would
 * refuse to start), and a new one takes a version above every committed one (Flyway's outOfOrder is off). The
 * committed migrations are listed with their SHA-256 in src/test/resources/db/migration-checksums.txt.
 */
class MigrationChecksumsTests {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path CHECKSUMS = Path.of("src/test/resources/db/migration-checksums.txt");
    static final String REGENERATE =
            "(cd src/main/resources/db/migration && sha256sum V*.sql) | sort -V -k2 > src/test/resources/db/migration-checksums.txt";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    @Test
    void noCommittedMigrationWasEditedOrRemoved() throws IOException {
        Map<String, String> committed = committed();
        List<String> problems = new ArrayList<>();
        committed.forEach((file, checksum) -> {
            Path path = MIGRATIONS.resolve(file);
            if (!Files.exists(path)) {
                problems.add(file + " was removed: databases that applied it refuse to start. Restore it.");
            } else if (!checksum.equals(sha256(path))) {
                problems.add(file + " was edited after it was committed: databases that applied it refuse to start."
                        + " Restore the committed text of " + path + " and put the change in a new migration above V"
                        + highest(committed.keySet()) + ".");
            }
        });
        assertThat(problems)
                .as("migrations policy (src/docs/development.md#migrations)")
                .isEmpty();
    }

    @Test
    void everyNewMigrationTakesAVersionAboveTheCommittedOnesAndIsListed() throws IOException {
        Map<String, String> committed = committed();
        int highest = highest(committed.keySet());
        List<String> problems = new ArrayList<>();
        for (Path path : migrations()) {
            String file = path.getFileName().toString();
            if (committed.containsKey(file)) {
                continue;
            }
            if (version(file) <= highest) {
                problems.add(file + " takes a version below V" + highest + ", the highest committed one: databases that"
                        + " applied V" + highest + " refuse it. Rename it to V" + (highest + 1) + "__… or above.");
            } else {
                problems.add(file + " is new: add its line to " + CHECKSUMS + ":\n    " + sha256(path) + "  " + file
                        + "\n  or regenerate the list (git diff must then show only added lines):\n    " + REGENERATE);
            }
        }
        assertThat(problems)
                .as("migrations policy (src/docs/development.md#migrations)")
                .isEmpty();
    }

    @Test
    void everyMigrationIsNamedWithAVersionOfItsOwn() throws IOException {
        Map<Integer, String> byVersion = new LinkedHashMap<>();
        for (Path path : migrations()) {
            String file = path.getFileName().toString();
            assertThat(file)
                    .as("a migration's name: V<version>__<lower_case_words>.sql")
                    .matches(NAME);
            String other = byVersion.put(version(file), file);
            assertThat(other).as(file + " has the version of another migration").isNull();
        }
        assertThat(byVersion).as("migrations in " + MIGRATIONS).isNotEmpty();
    }

    private static Map<String, String> committed() throws IOException {
        Map<String, String> committed = new LinkedHashMap<>();
        for (String line : Files.readAllLines(CHECKSUMS, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+\\*?", 2);
            assertThat(parts)
                    .as(CHECKSUMS + ": a line is '<sha256>  <file>', found '" + line + "'")
                    .hasSize(2);
            committed.put(parts[1], parts[0]);
        }
        assertThat(committed).as(CHECKSUMS.toString()).isNotEmpty();
        return committed;
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    private static int highest(Iterable<String> files) {
        int highest = 0;
        for (String file : files) {
            highest = Math.max(highest, version(file));
        }
        return highest;
    }

    private static int version(String file) {
        Matcher m = NAME.matcher(file);
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** Of the file with LF line ends (a Windows checkout may have CRLF), as {@code sha256sum} prints it for the committed file. */
    private static String sha256(Path file) {
        try {
            byte[] text = Files.readString(file, StandardCharsets.UTF_8)
                    .replace("\r\n", "\n")
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }
}
