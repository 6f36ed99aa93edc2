package eu.vigil.embedded;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Captures every outgoing email in an in-process SMTP server when no {@code spring.mail.host} is set. */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMailServerConfigured.class)
class EmbeddedMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailConfiguration.class);

    @Bean
    CapturedMail capturedMail(EmbeddedProperties properties) {
        return properties.smtpPort() == 0
                ? SharedMailServer.get()
                : new CapturedMail(start(properties.smtpPort()), true);
    }

    @Bean
    JavaMailSenderImpl mailSender(CapturedMail capturedMail, Environment environment) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(capturedMail.smtpPort());
        sender.setDefaultEncoding("UTF-8");
        // the same JavaMail settings (timeouts) as a configured server gets
        Properties javaMail = new Properties();
        javaMail.putAll(Binder.get(environment)
                .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        sender.setJavaMailProperties(javaMail);
        return sender;
    }

    /** On {@code port}, or on a free one when it is 0 or taken (a second instance on the same machine). */
    private static GreenMail start(int port) {
        boolean taken = port != 0 && !free(port);
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = new GreenMail(port == 0 || taken ? setup.dynamicPort() : setup);
        greenMail.start();
        if (taken) {
            log.info(
                    "Port {} is taken (another instance?): outgoing mail is captured by the in-process SMTP server on port {} instead",
                    port,
                    greenMail.getSmtp().getPort());
        } else {
            log.info(
                    "Outgoing mail is captured by the in-process SMTP server on port {}",
                    greenMail.getSmtp().getPort());
        }
        return greenMail;
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One SMTP server per JVM when the port is dynamic, so that every test context shares it. */
    static final class SharedMailServer {
        private static CapturedMail instance;

        static synchronized CapturedMail get() {
            if (instance == null) {
                GreenMail greenMail = start(0);
                Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
                instance = new CapturedMail(greenMail, false);
            }
            return instance;
        }
    }
}
