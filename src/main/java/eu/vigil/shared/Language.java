package eu.vigil.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Vigil speaks, in the portal and in its emails. */
public enum Language {
    EN,
    FR,
    NL,
    IT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        int dash = wanted.indexOf('-') > 0 ? wanted.indexOf('-') : wanted.indexOf('_');
        String primary = dash > 0 ? wanted.substring(0, dash) : wanted;
        return Arrays.stream(values()).filter(l -> l.code().equals(primary)).findFirst();
    }

    public static Language of(Locale locale) {
        return locale == null ? EN : fromCode(locale.getLanguage()).orElse(EN);
    }
}
