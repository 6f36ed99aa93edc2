package eu.vigil.embedded;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;

/** The mail the in-process SMTP server has received, newest first. */
public final class CapturedMail implements DisposableBean {

    private final GreenMail greenMail;
    private final boolean ownedByContext;

    CapturedMail(GreenMail greenMail, boolean ownedByContext) {
        this.greenMail = greenMail;
        this.ownedByContext = ownedByContext;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public List<CapturedMessage> messages() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        List<CapturedMessage> result = new ArrayList<>(received.length);
        for (int i = received.length - 1; i >= 0; i--) {
            result.add(toCaptured(i, received[i]));
        }
        return result;
    }

    public Optional<CapturedMessage> message(int index) {
        MimeMessage[] received = greenMail.getReceivedMessages();
        return index >= 0 && index < received.length
                ? Optional.of(toCaptured(index, received[index]))
                : Optional.empty();
    }

    public List<CapturedMessage> messagesTo(String address) {
        return messages().stream()
                .filter(m -> m.to().stream().anyMatch(address::equalsIgnoreCase))
                .toList();
    }

    private static CapturedMessage toCaptured(int index, MimeMessage message) {
        try {
            Bodies bodies = new Bodies();
            collect(message, bodies);
            return new CapturedMessage(
                    index,
                    addresses(message.getFrom()),
                    message.getRecipients(Message.RecipientType.TO) == null
                            ? List.of()
                            : Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                    .map(CapturedMail::plain)
                                    .toList(),
                    message.getSubject(),
                    message.getSentDate() == null
                            ? Instant.now()
                            : message.getSentDate().toInstant(),
                    bodies.text,
                    bodies.html,
                    Optional.ofNullable(message.getHeader("List-Unsubscribe", ","))
                            .orElse(null));
        } catch (MessagingException | IOException e) {
            return new CapturedMessage(
                    index, "", List.of(), "(unreadable message: " + e.getMessage() + ")", Instant.now(), "", "", null);
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null
                ? ""
                : Arrays.stream(addresses).map(CapturedMail::plain).collect(Collectors.joining(", "));
    }

    private static String plain(Address address) {
        return address instanceof jakarta.mail.internet.InternetAddress internet
                ? internet.getAddress()
                : address.toString();
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies.text.isEmpty()) {
            bodies.text = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && bodies.html.isEmpty()) {
            bodies.html = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }

    private static final class Bodies {
        String text = "";
        String html = "";
    }

    @Override
    public void destroy() {
        if (ownedByContext) {
            greenMail.stop();
        }
    }

    public record CapturedMessage(
            int index,
            String from,
            List<String> to,
            String subject,
            Instant receivedAt,
            String text,
            String html,
            String listUnsubscribe) {}
}
