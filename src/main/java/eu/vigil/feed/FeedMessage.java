package eu.vigil.feed;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * What a feed connection has to say (its last error, a note) as a message code and its arguments, so that each reader
 * gets it in their own language from messages/*.properties; the arguments are names, numbers and addresses only.
 */
public record FeedMessage(String code, List<String> args) implements MessageSourceResolvable {

    public FeedMessage {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static FeedMessage of(String code, Object... args) {
        return new FeedMessage(
                code,
                java.util.Arrays.stream(args)
                        .map(a -> a == null ? "" : a.toString())
                        .toList());
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }
}
