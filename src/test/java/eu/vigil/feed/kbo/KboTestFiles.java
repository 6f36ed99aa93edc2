package eu.vigil.feed.kbo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Test helpers: a strict little RFC-4180 reader and extract loading (zip or directory). */
final class KboTestFiles {

    private KboTestFiles() {}

    /** One parsed field, with whether it was quoted in the file. */
    record Field(String value, boolean quoted) {}

    /** Strict RFC-4180 parse (comma, '"' quoting, '""' escape, LF or CRLF). Fails on malformed input. */
    static List<List<Field>> parse(String text) {
        List<List<Field>> rows = new ArrayList<>();
        List<Field> row = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0, n = text.length();
        boolean fieldStart = true;
        boolean quoted = false;
        while (i < n) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                quoted = true;
                fieldStart = false;
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("unterminated quote in row " + (rows.size() + 1));
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cur.append(q);
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("garbage after closing quote in row " + (rows.size() + 1));
                }
                continue;
            }
            if (c == ',') {
                row.add(new Field(cur.toString(), quoted));
                cur.setLength(0);
                quoted = false;
                fieldStart = true;
                i++;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    if (i + 1 >= n || text.charAt(i + 1) != '\n') throw new IllegalArgumentException("bare CR");
                    i++;
                }
                row.add(new Field(cur.toString(), quoted));
                rows.add(row);
                row = new ArrayList<>();
                cur.setLength(0);
                quoted = false;
                fieldStart = true;
                i++;
            } else {
                if (c == '"')
                    throw new IllegalArgumentException("quote inside unquoted field in row " + (rows.size() + 1));
                if (quoted) throw new IllegalArgumentException("text after quoted field");
                cur.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (!fieldStart || !row.isEmpty()) {
            row.add(new Field(cur.toString(), quoted));
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> values(List<List<Field>> rows) {
        return rows.stream().map(r -> r.stream().map(Field::value).toList()).toList();
    }

    /** Decodes strict UTF-8 (fails on malformed bytes). */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8", e);
        }
    }

    /** Entries of a zip (in zip order) or the files of a directory (sorted by name). */
    static Map<String, byte[]> load(Path extract) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try {
            if (Files.isDirectory(extract)) {
                try (Stream<Path> s = Files.list(extract)) {
                    for (Path p : s.sorted().toList()) out.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
                return out;
            }
            try (InputStream in = Files.newInputStream(extract);
                    ZipInputStream zip = new ZipInputStream(in)) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) out.put(e.getName(), zip.readAllBytes());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real KBO Update extract, as published, kept in the test resources. */
    static Path realSample() {
        try {
            return Path.of(KboTestFiles.class
                    .getResource(eu.vigil.support.KboUpdateZip.REAL_UPDATE)
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
