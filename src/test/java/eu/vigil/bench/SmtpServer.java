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
 * standard input: {@code received}, {@code purge}, {@code sample} (the first message, Base64). With
 * {@code -Dbench.smtp=smtp-sink}, Postfix's SMTP test server ({@code /usr/sbin/smtp-sink}, Debian package
 * {@code postfix}), which writes every message it accepts to a dump file and parses nothing.
 */
abstract sealed class SmtpServer implements AutoCloseable {

    static SmtpServer start() throws IOException {
        return switch (System.getProperty("bench.smtp", "")) {
            case "process" -> new Child();
            case "smtp-sink" -> new PostfixSink();
            default -> new InJvm();
        };
    }

    /** What the figures call this server. */
    abstract String name();

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
        String name() {
            return "GreenMail (this JVM)";
        }

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
            // as Vigil's Mailer does, so that Jakarta Mail does not scan the classpath for each body part GreenMail
            // parses
            process = new ProcessBuilder(
                            java.toString(),
                            "-Xmx1g",
                            "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider",
                            "-cp",
                            System.getProperty("java.class.path"),
                            SmtpServer.class.getName())
                    .redirectError(
                            Path.of("target/bench-alerts/smtp-server.log").toFile())
                    .start();
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
        String name() {
            return "GreenMail (own JVM)";
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
                return new MimeMessage(
                        Session.getInstance(new Properties()),
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

    /**
     * Postfix's {@code smtp-sink} in a process of its own, every accepted message appended to one dump file after a
     * separator line: the count and the sample are read from that file.
     */
    static final class PostfixSink extends SmtpServer {

        private static final String SEPARATOR = "--vigil-smtp-sink--";
        private static final Path DIRECTORY =
                Path.of("target/bench-alerts/smtp-sink").toAbsolutePath();

        private final Process process;
        private final Path dump = DIRECTORY.resolve("messages");
        private final int port;

        PostfixSink() throws IOException {
            Path sink = Path.of("/usr/sbin/smtp-sink");
            if (!java.nio.file.Files.isExecutable(sink)) {
                throw new IllegalStateException("-Dbench.smtp=smtp-sink needs " + sink + " (apt-get install postfix)");
            }
            java.nio.file.Files.createDirectories(DIRECTORY);
            // smtp-sink started as root drops to nobody, who must be able to write the dump
            java.nio.file.Files.setPosixFilePermissions(
                    DIRECTORY, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            java.nio.file.Files.deleteIfExists(dump);
            try (java.net.ServerSocket free =
                    new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            process = new ProcessBuilder(
                            sink.toString(),
                            "-u",
                            "nobody",
                            "-D",
                            dump.toString(),
                            "-S",
                            "\\n" + SEPARATOR + "\\n",
                            "127.0.0.1:" + port,
                            "256")
                    .redirectErrorStream(true)
                    .redirectOutput(DIRECTORY.resolve("smtp-sink.log").toFile())
                    .start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (true) {
                try (java.net.Socket probe = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                    break;
                } catch (IOException notYet) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "smtp-sink did not start; see " + DIRECTORY.resolve("smtp-sink.log"));
                    }
                    sleep();
                }
            }
        }

        @Override
        String name() {
            return "Postfix smtp-sink";
        }

        @Override
        int port() {
            return port;
        }

        @Override
        int received() {
            return messages().size();
        }

        @Override
        void purge() {
            try {
                if (java.nio.file.Files.exists(dump)) {
                    // smtp-sink appends each transaction to the dump, so emptying it in place starts a new count
                    new java.io.FileOutputStream(dump.toFile()).close();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        MimeMessage sample() {
            String first = messages().getFirst();
            // the headers smtp-sink adds before the message: the client's envelope and its own Received line
            int body = 0;
            while (first.startsWith("X-", body)
                    || first.startsWith("Received:", body)
                    || first.startsWith("\t", body)) {
                body = first.indexOf('\n', body) + 1;
            }
            try {
                return new MimeMessage(
                        Session.getInstance(new Properties()),
                        new ByteArrayInputStream(first.substring(body).getBytes(StandardCharsets.UTF_8)));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private java.util.List<String> messages() {
            try {
                if (!java.nio.file.Files.exists(dump)) {
                    return java.util.List.of();
                }
                String text = java.nio.file.Files.readString(dump, StandardCharsets.ISO_8859_1);
                java.util.List<String> messages = new java.util.ArrayList<>();
                String marker = "\n" + SEPARATOR + "\n";
                for (int at = text.indexOf(marker); at >= 0; ) {
                    int start = at + marker.length();
                    int next = text.indexOf(marker, start);
                    messages.add(text.substring(start, next < 0 ? text.length() : next));
                    at = next;
                }
                return messages;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
