package eu.vigil.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM killed with {@code kill -9} leaves its embedded PostgreSQL running, holding {@code postmaster.pid};
 * the next start would fail on it. Before starting, the postmaster of our own data directory is shut down
 * (it has no clients left: they died with the JVM), and a lock file naming a process that is not it is removed.
 */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final Duration SMART_SHUTDOWN = Duration.ofSeconds(30);
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

    private OrphanPostmaster() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        Optional<ProcessHandle> process =
                pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
        if (process.isEmpty() || !isPostmasterOf(process.get(), dataDirectory)) {
            log.info("Removing a stale postmaster.pid from {} (process {} is not its PostgreSQL)", dataDirectory, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle orphan = process.get();
        log.warn(
                "An embedded PostgreSQL (pid {}) still runs on {} after the previous run ended abruptly: stopping it",
                pid,
                dataDirectory);
        orphan.destroy();
        if (!waitForExit(orphan, SMART_SHUTDOWN)) {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
            if (!waitForExit(orphan, FAST_SHUTDOWN)) {
                throw new IOException("The orphaned PostgreSQL (pid " + pid + ") on " + dataDirectory
                        + " did not stop; stop it by hand and start Vigil again");
            }
        }
        log.info("Stopped the orphaned PostgreSQL (pid {}); starting afresh on {}", pid, dataDirectory);
    }

    private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
        String commandLine = commandLine(process);
        return commandLine.contains("postgres")
                && commandLine.contains(
                        dataDirectory.toAbsolutePath().normalize().toString());
    }

    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // fall back to what the JDK can tell
        }
        return process.info().commandLine().orElse("");
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
