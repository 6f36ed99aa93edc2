package eu.vigil.shared;

import java.util.List;

/** The pieces of a Chart.js configuration the pages write into a {@code data-chart} attribute. */
public final class ChartJson {

    private ChartJson() {}

    /** One line or bar series: its label, its colour and its values (already JSON numbers or {@code null}). */
    public static void dataset(StringBuilder json, String name, String colour, List<String> values) {
        json.append("{\"label\":")
                .append(string(name))
                .append(",\"borderColor\":\"")
                .append(colour)
                .append("\",\"backgroundColor\":\"")
                .append(colour)
                .append("\",\"data\":[")
                .append(String.join(",", values))
                .append("]}");
    }

    /** A JSON string of {@code text}. */
    public static String string(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
