package eu.vigil.support;

import eu.vigil.embedded.CapturedMail;
import eu.vigil.embedded.CapturedMail.CapturedMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the real SMTP server received, waiting a little for mail sent after a commit. */
public final class MailBox {

    private static final Pattern LINK =
            Pattern.compile("https?://[^\\s\"<]+?(/(?:invitation|password-reset)/[A-Za-z0-9_-]+)");

    private MailBox() {}

    public static CapturedMessage awaitOne(CapturedMail mail, String to) {
        return Wait.until("mail to " + to, () -> mail.messagesTo(to), messages -> !messages.isEmpty())
                .getFirst();
    }

    public static List<CapturedMessage> all(CapturedMail mail, String to) {
        return mail.messagesTo(to);
    }

    /** The path of the one-time link in a mail, e.g. {@code /invitation/abc}. */
    public static String linkPath(CapturedMessage message) {
        Matcher matcher = LINK.matcher(message.text());
        if (!matcher.find()) {
            throw new AssertionError("No account link in: " + message.text());
        }
        return matcher.group(1);
    }
}
