package eu.vigil.feed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    @Test
    void readsQuotedEmptyAndEscapedFieldsWithTheirRawText() throws IOException {
        String input =
                "\"EntityNumber\",\"Value\"\r\n\"0403.170.701\",\"Jansen, \"\"Eva\"\"\",,3\r\n\"a\nb\",\"\"\nlast,row";
        CsvReader csv = new CsvReader(new StringReader(input));
        List<List<String>> rows = new ArrayList<>();
        List<String> raws = new ArrayList<>();
        while (csv.next()) {
            rows.add(List.of(csv.fields()));
            raws.add(csv.raw());
        }
        assertThat(rows)
                .containsExactly(
                        List.of("EntityNumber", "Value"),
                        List.of("0403.170.701", "Jansen, \"Eva\"", "", "3"),
                        List.of("a\nb", ""),
                        List.of("last", "row"));
        assertThat(raws.get(1)).isEqualTo("\"0403.170.701\",\"Jansen, \"\"Eva\"\"\",,3");
        assertThat(raws.get(3)).isEqualTo("last,row");
    }

    @Test
    void countsTheRemainingRecordsWithoutParsingThemEvenAcrossQuotedNewlines() throws IOException {
        String input = "\"k\",\"v\"\n\"1\",\"a\"\n\"2\",\"b\nc\"\r\n\"3\",\"\"\"q\"\"\"\n\n\"4\",x";
        CsvReader csv = new CsvReader(new StringReader(input));
        csv.next();
        csv.next();
        assertThat(csv.get(0)).isEqualTo("1");
        assertThat(csv.skipRemaining()).isEqualTo(3);
        assertThat(csv.next()).isFalse();
    }

    @Test
    void keepsTheRawTextOfARecordThatCrossesABufferRefill() throws IOException {
        StringBuilder input = new StringBuilder();
        String longValue = "x".repeat(70_000);
        input.append("\"a\",\"b\"\n")
                .append("\"1\",\"")
                .append(longValue)
                .append("\"\n")
                .append("\"2\",\"short\"\n");
        CsvReader csv = new CsvReader(new StringReader(input.toString()));
        csv.next();
        csv.next();
        assertThat(csv.get(1)).hasSize(70_000);
        assertThat(csv.line()).isEqualTo(2);
        assertThat(csv.raw()).startsWith("\"1\",\"xxx").hasSize(4000);
        csv.next();
        assertThat(csv.raw()).isEqualTo("\"2\",\"short\"");
        assertThat(csv.line()).isEqualTo(3);
        assertThat(csv.next()).isFalse();
    }
}
