package eu.vigil.signal;

import java.util.List;

/** The signal catalogue cannot be used; {@link #problems()} names every entry at fault and why. */
public class InvalidCatalogueException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public InvalidCatalogueException(String source, List<String> problems) {
        super("The signal catalogue " + source + " is invalid:" + asLines(problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }

    static String asLines(List<String> problems) {
        StringBuilder lines = new StringBuilder();
        for (String problem : problems) {
            lines.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return lines.toString();
    }
}
