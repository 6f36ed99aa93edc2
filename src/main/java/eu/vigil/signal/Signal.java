package eu.vigil.signal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the signal catalogue.
 *
 * @param detector the detector kind that fires it (e.g. {@code became}), with its {@code params}
 * @param field    the state field it reads, as {@code section.name}
 * @param labels   label and explanation by language ({@code en}, {@code fr}, {@code nl}, {@code it})
 */
public record Signal(
        String code,
        Category category,
        Polarity polarity,
        Severity severity,
        boolean enabled,
        String detector,
        String field,
        Map<String, Object> params,
        Map<String, Label> labels) {

    public static final String DEFAULT_LANGUAGE = "en";

    public record Label(String label, String explanation) {}

    public Signal {
        Objects.requireNonNull(code, "code");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels == null ? Map.of() : labels));
    }

    /** The label in {@code language} (a language code or tag such as {@code fr-BE}), else in English. */
    public Label label(String language) {
        Label label = language == null ? null : labels.get(languageOf(language));
        return label != null ? label : labels.get(DEFAULT_LANGUAGE);
    }

    private static String languageOf(String tag) {
        return Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
    }
}
