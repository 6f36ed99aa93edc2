package eu.vigil.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /**
     * Bodies kept for the recipients after, across connections and threads: one signal watched by thousands of tenants
     * is a few distinct contents (one per language) sent in many batches. Content-addressed, so never stale.
     */
    private static final int MAX_SHARED_BODIES = 1_024;

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader, scanning every jar, for each body part it
        // creates (jakartaee/mail-api#699, #861): named here, it is a class lookup instead. An operator's choice
        // stands.
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, Mailer.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private final JavaMailSender sender;
    private final ITemplateEngine htmlTemplates;
    private final ITemplateEngine textTemplates;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final String placeholderNonce = UUID.randomUUID().toString().replace("-", "");
    private final Map<Body.Shared, Body> sharedBodies = new ConcurrentHashMap<>();
    private volatile InternetAddress fromAddress;
    private volatile DateHeader dateHeader = new DateHeader(-1, "");

    Mailer(
            JavaMailSender sender,
            ITemplateEngine templateEngine,
            MailTextTemplates textTemplates,
            MessageSource messages,
            NotificationProperties properties) {
        this.sender = sender;
        this.htmlTemplates = templateEngine;
        this.textTemplates = textTemplates.engine();
        this.messages = messages;
        this.properties = properties;
    }

    /** Sends now; a failure is the caller's to handle. */
    public void send(OutgoingMail mail) {
        sender.send(render(mail));
        log.info("Sent '{}' mail to {}", mail.template(), mail.to());
    }

    /**
     * A connection to send several mails over, one after the other, each accepted or refused on its own: saves an
     * SMTP handshake per mail. Opened at the first mail, opened again after a failure; close it when done.
     */
    public Connection connection() {
        return new Connection();
    }

    public final class Connection implements AutoCloseable {

        /** Longer idle than this, the connection is checked (a NOOP) before the next mail: not before every mail. */
        private static final long CHECK_AFTER_IDLE_NANOS = 1_000_000_000L;

        private Transport transport;
        private long lastUsed;

        private Connection() {}

        /** Sends now over this connection; a failure is the caller's to handle. */
        public void send(OutgoingMail mail) {
            if (!(sender instanceof JavaMailSenderImpl smtp)) {
                Mailer.this.send(mail);
                return;
            }
            MimeMessage message = message(mail, sharedBody(mail));
            try {
                if (transport != null
                        && System.nanoTime() - lastUsed > CHECK_AFTER_IDLE_NANOS
                        && !transport.isConnected()) {
                    close();
                }
                if (transport == null) {
                    transport =
                            smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
                    transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
                }
                message.setHeader("Date", dateHeader());
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                lastUsed = System.nanoTime();
            } catch (MessagingException e) {
                close();
                throw new MailSendException(
                        "Could not send the '" + mail.template() + "' mail to " + mail.to() + ": " + e.getMessage(), e);
            }
            log.info("Sent '{}' mail to {}", mail.template(), mail.to());
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("Closing the SMTP connection: {}", e.getMessage());
                }
                transport = null;
            }
        }
    }

    /**
     * Sends once the current transaction has committed, so nobody is mailed about something that was
     * rolled back. A failure is logged, never thrown at the person who caused the mail.
     */
    public void sendAfterCommit(OutgoingMail mail) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            trySend(mail);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                trySend(mail);
            }
        });
    }

    private void trySend(OutgoingMail mail) {
        try {
            send(mail);
        } catch (MailException e) {
            log.error("Could not send '{}' mail to {}: {}", mail.template(), mail.to(), e.getMessage());
        }
    }

    MimeMessage render(OutgoingMail mail) {
        return message(mail, body(mail.template(), mail.locale(), mail.model()));
    }

    private record Body(String html, String text) {

        /** What a body shared by several recipients is rendered from: their personal values are placeholders. */
        private record Shared(String template, Locale locale, Map<String, Object> model) {}
    }

    private Body body(String template, Locale locale, Map<String, Object> values) {
        Map<String, Object> model = new HashMap<>(values);
        model.put("baseUrl", properties.baseUrl());
        Context context = new Context(locale, model);
        return new Body(htmlTemplates.process("mail/" + template, context), textTemplates.process(template, context));
    }

    /**
     * The body a recipient of the same content had rendered (kept in {@link #sharedBodies}), with this recipient's personal
     * values put in place of the placeholders. Only values that no template mode escapes are put in so; any other is
     * rendered on its own.
     */
    private Body sharedBody(OutgoingMail mail) {
        if (mail.personal().isEmpty()
                || !mail.personal().stream()
                        .allMatch(key -> printedAsIs(mail.model().get(key)))) {
            return body(mail.template(), mail.locale(), mail.model());
        }
        Map<String, Object> model = new HashMap<>(mail.model());
        mail.personal().forEach(key -> model.put(key, placeholder(key)));
        Body.Shared shared = new Body.Shared(mail.template(), mail.locale(), model);
        Body body = sharedBodies.get(shared);
        if (body == null) {
            if (sharedBodies.size() >= MAX_SHARED_BODIES) {
                sharedBodies.clear();
            }
            // two threads may render the same content at once; either result is the same
            body = body(shared.template(), shared.locale(), shared.model());
            sharedBodies.put(shared, body);
        }
        String html = body.html();
        String text = body.text();
        for (String key : mail.personal()) {
            String value = (String) mail.model().get(key);
            html = html.replace(placeholder(key), value);
            text = text.replace(placeholder(key), value);
        }
        return new Body(html, text);
    }

    private String placeholder(String key) {
        return "vigil-personal-" + placeholderNonce + "-" + key;
    }

    /** Printable ASCII that neither HTML nor text templates escape. */
    private static boolean printedAsIs(Object value) {
        return value instanceof String text
                && text.chars().allMatch(c -> c >= 0x20 && c < 0x7f && "&<>\"'`=".indexOf(c) < 0);
    }

    /**
     * A {@code multipart/alternative} of the text and the HTML, each quoted-printable in UTF-8, encoded by
     * {@link QuotedPrintable} and sent as is.
     */
    private MimeMessage message(OutgoingMail mail, Body body) {
        String subject = messages.getMessage(mail.subjectKey(), mail.subjectArgs(), mail.locale());
        try {
            MimeMessage message = sender.createMimeMessage();
            message.setFrom(from());
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            message.setSubject(subject, "UTF-8");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(body.text(), "plain"));
            alternative.addBodyPart(part(body.html(), "html"));
            message.setContent(alternative);
            message.setHeader("Content-Language", mail.locale().getLanguage());
            for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build the '" + mail.template() + "' mail", e);
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        String type = "text/" + subtype + "; charset=UTF-8";
        MimeBodyPart part = new PreencodedMimeBodyPart("quoted-printable");
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(QuotedPrintable.encode(content), type)));
        // both said up front, so saving the message does not read the body to guess them
        part.setHeader("Content-Type", type);
        part.setHeader("Content-Transfer-Encoding", "quoted-printable");
        return part;
    }

    /** RFC 5322's date-time, as {@link MimeMessage#setSentDate} writes it, minus the comment. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(
                    "EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private record DateHeader(long second, String value) {}

    /** The Date header of a mail sent now: formatted once a second, not once a mail. */
    private String dateHeader() {
        long second = System.currentTimeMillis() / 1000;
        DateHeader header = dateHeader;
        if (header.second() != second) {
            header = new DateHeader(second, DATE.format(Instant.ofEpochSecond(second)));
            dateHeader = header;
        }
        return header.value();
    }

    private InternetAddress from() throws AddressException {
        InternetAddress from = fromAddress;
        if (from == null) {
            from = new InternetAddress(properties.from(), true);
            fromAddress = from;
        }
        return (InternetAddress) from.clone();
    }
}
