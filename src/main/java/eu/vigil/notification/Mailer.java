package eu.vigil.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final ITemplateEngine htmlTemplates;
    private final ITemplateEngine textTemplates;
    private final MessageSource messages;
    private final NotificationProperties properties;

    Mailer(JavaMailSender sender, ITemplateEngine templateEngine, MailTextTemplates textTemplates,
           MessageSource messages, NotificationProperties properties) {
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

        private Transport transport;

        private Connection() {
        }

        /** Sends now over this connection; a failure is the caller's to handle. */
        public void send(OutgoingMail mail) {
            if (!(sender instanceof JavaMailSenderImpl smtp)) {
                Mailer.this.send(mail);
                return;
            }
            MimeMessage message = render(mail);
            try {
                if (transport == null || !transport.isConnected()) {
                    transport = smtp.getSession().getTransport(smtp.getProtocol() == null ? "smtp" : smtp.getProtocol());
                    transport.connect(smtp.getHost(), smtp.getPort(), smtp.getUsername(), smtp.getPassword());
                }
                if (message.getSentDate() == null) {
                    message.setSentDate(new Date());
                }
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw new MailSendException("Could not send the '" + mail.template() + "' mail to " + mail.to() + ": "
                        + e.getMessage(), e);
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
        Map<String, Object> model = new HashMap<>(mail.model());
        model.put("baseUrl", properties.baseUrl());
        Context context = new Context(mail.locale(), model);
        String html = htmlTemplates.process("mail/" + mail.template(), context);
        String text = textTemplates.process(mail.template(), context);
        String subject = messages.getMessage(mail.subjectKey(), mail.subjectArgs(), mail.locale());
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(subject);
            helper.setText(text, html);
            message.setHeader("Content-Language", mail.locale().getLanguage());
            for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            return message;
        } catch (MessagingException e) {
            throw new MailPreparationException("Could not build the '" + mail.template() + "' mail", e);
        }
    }
}
