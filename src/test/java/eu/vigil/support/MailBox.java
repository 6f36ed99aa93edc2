package eu.vigil.support;

import eu.vigil.embedded.CapturedMail;
import eu.vigil.embedded.CapturedMail.CapturedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the real SMTP server received, waiting a little for mail sent after a commit. */
public final class MailBox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<]+?(/(?:invitation|password-reset)/[A-Za-z0-9_-]+)");

    private MailBox() {
    }

    public static CapturedMessage awaitOne(CapturedMail mail, String to) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<CapturedMessage> messages = mail.messagesTo(to);
            if (!messages.isEmpty()) {
                return messages.getFirst();
            }
            sleep();
        }
        throw new AssertionError("No mail reached " + to + " within 10 s");
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

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
