package eu.vigil.watchlist.internal;

import eu.vigil.company.ParseResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** A message for a person as a bundle key and its arguments, stored as such and worded in the reader's language. */
public record Wording(String key, List<String> args) {

    public Wording {
        args = List.copyOf(args);
    }

    public static Wording of(String key, Object... args) {
        return new Wording(key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** Why a company number cannot be one, by the parser's reason: {@code watchlist.number.<REASON>}. */
    public static Wording ofNumber(String value, ParseResult.Invalid invalid) {
        String key = "watchlist.number." + invalid.reason().name();
        if (invalid.reason() == ParseResult.Reason.EMPTY) {
            return of(key);
        }
        String text = value == null ? "" : value.strip();
        return of(key, text, text.chars().filter(Character::isDigit).count());
    }

    public Object[] arguments() {
        return args.toArray();
    }

    public String in(MessageSource messages, Locale locale) {
        return messages.getMessage(key, arguments(), key, locale);
    }
}
