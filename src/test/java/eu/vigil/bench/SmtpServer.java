package eu.vigil.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

/**
 * The benchmarks' SMTP server: GreenMail in the benchmark's JVM, or ({@code -Dbench.smtp=process}) in a JVM of its own,
 * so that the measured application shares neither heap nor GC with it. The child answers one line per command on its
 * standard input: {@code received}, {@code purge}, {@code sample} (the first message, Base64).
 */
abstract sealed class SmtpServer implements AutoCloseable {

    static SmtpServer start() throws IOException {
        return "process".equals(System.getProperty("bench.smtp")) ? new Child() : new InJvm();
    }

    abstract int port();

    abstract int received();

    abstract void purge();

    abstract MimeMessage sample();

    private static GreenMail greenMail() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }

    /** The child process's main. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // standard output answers commands; logs go to standard error, which the parent sends to a file
        System.setOut(System.err);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        GreenMail smtp = greenMail();
        out.println(smtp.getSmtp().getPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = in.readLine(); command != null; command = in.readLine()) {
            switch (command) {
                case "received" -> out.println(smtp.getReceivedMessages().length);
                case "purge" -> {
                    smtp.purgeEmailFromAllMailboxes();
                    out.println("ok");
                }
                case "sample" -> {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    smtp.getReceivedMessages()[0].writeTo(bytes);
                    out.println(Base64.getEncoder().encodeToString(bytes.toByteArray()));
                }
                default -> out.println("unknown command " + command);
            }
        }
        smtp.stop();
    }

    static final class InJvm extends SmtpServer {

        private final GreenMail smtp = greenMail();

        @Override
        int port() {
            return smtp.getSmtp().getPort();
        }

        @Override
        int received() {
            return smtp.getReceivedMessages().length;
        }

        @Override
        void purge() {
            try {
                smtp.purgeEmailFromAllMailboxes();
            } catch (com.icegreen.greenmail.store.FolderException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        MimeMessage sample() {
            return smtp.getReceivedMessages()[0];
        }

        @Override
        public void close() {
            smtp.stop();
        }
    }

    static final class Child extends SmtpServer {

        private final Process process;
        private final PrintWriter commands;
        private final BufferedReader answers;
        private final int port;

        Child() throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            // as Vigil's Mailer does, so that Jakarta Mail does not scan the classpath for each body part GreenMail parses
            process = new ProcessBuilder(java.toString(), "-Xmx1g",
                    "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider",
                    "-cp", System.getProperty("java.class.path"),
                    SmtpServer.class.getName()).redirectError(Path.of("target/bench-alerts/smtp-server.log").toFile()).start();
            commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            port = Integer.parseInt(answers.readLine().strip());
        }

        private synchronized String ask(String command) {
            commands.println(command);
            try {
                return answers.readLine();
            } catch (IOException e) {
                throw new IllegalStateException("The SMTP server process did not answer " + command, e);
            }
        }

        @Override
        int port() {
            return port;
        }

        @Override
        int received() {
            return Integer.parseInt(ask("received"));
        }

        @Override
        void purge() {
            ask("purge");
        }

        @Override
        MimeMessage sample() {
            try {
                return new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(Base64.getDecoder().decode(ask("sample"))));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            commands.close();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
        }
    }
}
