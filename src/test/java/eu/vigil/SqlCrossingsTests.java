package eu.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A maintainer adds a query to a module: if it reads or writes a table another module owns, the build fails until
 * src/docs/architecture.md lists that crossing with its reason ("Where SQL crosses a module"); a crossing that is gone
 * must leave the list too. Who owns which table is the document's "Who owns which data", and every table the
 * migrations create must have an owner there. The SQL is found in the string literals of the main sources, as the
 * table named after FROM, JOIN, INTO, UPDATE, COPY, TRUNCATE or ANALYZE.
 */
class SqlCrossingsTests {

    private static final Path ARCHITECTURE = Path.of("src/docs/architecture.md");
    private static final Path SOURCES = Path.of("src/main/java/eu/vigil");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final String OWNERS = "## Who owns which data";
    private static final String CROSSINGS = "## Where SQL crosses a module";

    private static final Pattern SQL_TABLE =
            Pattern.compile("(?i)\\b(from|join|into|update|table|copy|truncate|analyze)\\s+(?:only\\s+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> NOT_ALIASES =
            Set.of("where", "on", "join", "left", "inner", "cross", "set", "group", "order", "using", "limit", "as");
    private static final Pattern CREATED =
            Pattern.compile("(?i)\\bcreate\\s+(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    @Test
    void everyTableTheMigrationsCreateHasAnOwningModule() throws IOException {
        Map<String, String> owners = owners();
        Set<String> unowned = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher created = CREATED.matcher(Files.readString(file));
                while (created.find()) {
                    String table = created.group(1).toLowerCase(Locale.ROOT);
                    if (owner(owners, table) == null) {
                        unowned.add(table + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(unowned)
                .as("tables without a line in %s under '%s'", ARCHITECTURE, OWNERS)
                .isEmpty();
    }

    @Test
    void sqlReachesAnotherModulesTableOnlyWhereTheArchitectureSaysWhy() throws IOException {
        Map<String, String> owners = owners();
        Map<String, Set<String>> listed = listedCrossings();
        List<String> unlisted = new ArrayList<>();
        crossings(owners)
                .forEach((type, tables) -> tables.stream()
                        .filter(table -> !listed.getOrDefault(type, Set.of()).contains(table))
                        .forEach(table ->
                                unlisted.add("%s uses %s (owned by %s)".formatted(type, table, owner(owners, table)))));
        assertThat(unlisted)
                .as(
                        "SQL on another module's table: go through that module's API, or list it in %s under '%s' with why",
                        ARCHITECTURE, CROSSINGS)
                .isEmpty();
    }

    @Test
    void everyListedCrossingStillHappens() throws IOException {
        Map<String, Set<String>> found = crossings(owners());
        List<String> stale = new ArrayList<>();
        listedCrossings().forEach((type, tables) -> {
            if (tables.stream().noneMatch(found.getOrDefault(type, Set.of())::contains)) {
                stale.add(type + " " + tables);
            }
        });
        assertThat(stale)
                .as("listed in %s under '%s', but no longer in the code", ARCHITECTURE, CROSSINGS)
                .isEmpty();
    }

    @Test
    void theScannerReadsTheTablesOfSqlLiteralsAndNothingInComments() {
        String source = """
                // select * from tenant
                /* insert into app_user */
                class Example {
                    String sql = \"\"\"
                            select a.id from alert a join company_section s on s.company_id = a.company_id
                            where exists (select 1 from watchlist_entry w)\"\"\";
                    String more = "analyze company, company_light; delete from \\"quoted\\" ; update feed_run set x = 1";
                    char quote = '"';
                    String after = "copy signal_event (id) from stdin";
                }
                """;
        assertThat(tables(literals(source)))
                .containsExactlyInAnyOrder(
                        "alert",
                        "company_section",
                        "watchlist_entry",
                        "company",
                        "company_light",
                        "feed_run",
                        "signal_event",
                        "stdin");
    }

    /** Per class (module.package.Class), the tables of other modules its SQL names. */
    private static Map<String, Set<String>> crossings(Map<String, String> owners) throws IOException {
        Map<String, Set<String>> crossings = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String type =
                        SOURCES.relativize(file).toString().replace('\\', '/').replace('/', '.');
                type = type.substring(0, type.length() - ".java".length());
                if (!type.contains(".")) {
                    continue; // the application class, in no module
                }
                String module = type.substring(0, type.indexOf('.'));
                for (String table : tables(literals(Files.readString(file)))) {
                    String owner = owner(owners, table);
                    if (owner != null && !owner.equals(module)) {
                        crossings.computeIfAbsent(type, t -> new TreeSet<>()).add(table);
                    }
                }
            }
        }
        return crossings;
    }

    /** The string literals and text blocks of a Java source, comments and char literals left out. */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                literals.add(source.substring(i + 3, end));
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < n) {
                        literal.append(source.charAt(j + 1));
                        j += 2;
                    } else {
                        literal.append(source.charAt(j++));
                    }
                }
                literals.add(literal.toString());
                i = j + 1;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '\'') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** The names SQL in these literals reads or writes: after FROM, JOIN, INTO, …, with comma-separated lists. */
    static Set<String> tables(List<String> literals) {
        Set<String> tables = new TreeSet<>();
        for (String literal : literals) {
            String sql = literal.toLowerCase(Locale.ROOT);
            Matcher keyword = SQL_TABLE.matcher(sql);
            while (keyword.find()) {
                int at = keyword.end();
                while (true) {
                    Matcher name = IDENTIFIER.matcher(sql).region(at, sql.length());
                    if (!name.lookingAt()) {
                        break;
                    }
                    tables.add(name.group());
                    at = skipSpaces(sql, name.end());
                    Matcher alias = IDENTIFIER.matcher(sql).region(at, sql.length());
                    if (alias.lookingAt() && !NOT_ALIASES.contains(alias.group())) {
                        at = skipSpaces(sql, alias.end());
                    }
                    if (at < sql.length() && sql.charAt(at) == ',') {
                        at = skipSpaces(sql, at + 1);
                    } else {
                        break;
                    }
                }
            }
        }
        return tables;
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Table (or prefix ending in {@code *}) to owning module, from the architecture document. */
    private static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        for (String row : rows(OWNERS)) {
            String[] cells = row.split("\\|");
            Matcher module = BACKTICKED.matcher(cells[1]);
            String owner = module.find() ? module.group(1) : cells[1].strip();
            Matcher table = BACKTICKED.matcher(cells[2]);
            while (table.find()) {
                owners.put(table.group(1).toLowerCase(Locale.ROOT), owner);
            }
        }
        assertThat(owners).as("the tables of '%s' in %s", OWNERS, ARCHITECTURE).isNotEmpty();
        return owners;
    }

    private static String owner(Map<String, String> owners, String table) {
        String owner = owners.get(table);
        if (owner != null) {
            return owner;
        }
        return owners.entrySet().stream()
                .filter(e -> e.getKey().endsWith("*")
                        && table.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    /**
     * Per class, the tables listed for it: each row names classes (a trailing {@code .method} is allowed) in its first
     * cell and tables in its second.
     */
    private static Map<String, Set<String>> listedCrossings() throws IOException {
        Map<String, Set<String>> listed = new TreeMap<>();
        for (String row : rows(CROSSINGS)) {
            String[] cells = row.split("\\|");
            Set<String> tables = new TreeSet<>();
            Matcher table = BACKTICKED.matcher(cells[2]);
            while (table.find()) {
                tables.add(table.group(1));
            }
            Matcher where = BACKTICKED.matcher(cells[1]);
            while (where.find()) {
                listed.computeIfAbsent(type(where.group(1)), t -> new TreeSet<>())
                        .addAll(tables);
            }
        }
        assertThat(listed).as("the rows of '%s' in %s", CROSSINGS, ARCHITECTURE).isNotEmpty();
        return listed;
    }

    /** {@code alerting.internal.FanOut.preview} names the class {@code alerting.internal.FanOut}. */
    private static String type(String where) {
        String[] parts = where.split("\\.");
        StringBuilder type = new StringBuilder();
        for (String part : parts) {
            if (!type.isEmpty()) {
                type.append('.');
            }
            type.append(part);
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
        }
        return type.toString();
    }

    /** The table rows (not the header or its rule) of the section that starts with {@code heading}. */
    private static List<String> rows(String heading) throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inSection = false;
        boolean header = true;
        for (String line : Files.readAllLines(ARCHITECTURE)) {
            if (line.startsWith("## ")) {
                inSection = line.startsWith(heading);
                header = true;
                continue;
            }
            if (inSection && line.startsWith("|")) {
                if (header) {
                    header = !line.startsWith("|---");
                    continue;
                }
                rows.add(line);
            }
        }
        return rows;
    }
}
