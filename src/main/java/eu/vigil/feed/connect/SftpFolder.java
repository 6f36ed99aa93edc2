package eu.vigil.feed.connect;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A folder on the bureau's (or the accounts provider's) SFTP server, {@code sftp://user@host:port/folder}: the files
 * whose names come after the last one applied are fetched in name order, each checked for its full size, and applied
 * as a run of the source, as a file dropped in the inbox would be. The files stay on the server.
 */
final class SftpFolder implements Puller {

    private static final List<String> SUFFIXES = List.of(".zip", ".jsonl", ".ndjson", ".json", ".csv", ".gz");

    private final String source;
    private final URI url;
    private final String password;
    private final Path knownHosts;
    private final String passwordVariable;

    SftpFolder(String source, URI url, String password, Path knownHosts, String passwordVariable) {
        this.source = source;
        this.url = url;
        this.password = password;
        this.knownHosts = knownHosts;
        this.passwordVariable = passwordVariable;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public boolean streaming() {
        return false;
    }

    @Override
    public void pull(String stream, String position, Session session) throws FeedFailure, InterruptedException {
        String where = url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
        com.jcraft.jsch.Session ssh = null;
        ChannelSftp sftp = null;
        try {
            JSch jsch = new JSch();
            if (knownHosts != null) {
                jsch.setKnownHosts(knownHosts.toString());
            }
            ssh = jsch.getSession(url.getUserInfo(), url.getHost(), url.getPort() > 0 ? url.getPort() : 22);
            ssh.setPassword(password);
            ssh.setConfig("StrictHostKeyChecking", knownHosts == null ? "no" : "yes");
            ssh.connect(15_000);
            sftp = (ChannelSftp) ssh.openChannel("sftp");
            sftp.connect(15_000);
            session.connected();
            String folder = url.getPath() == null || url.getPath().isEmpty() ? "." : url.getPath();
            List<ChannelSftp.LsEntry> waiting = new ArrayList<>();
            for (ChannelSftp.LsEntry entry : sftp.ls(folder)) {
                String name = entry.getFilename();
                if (!entry.getAttrs().isDir()
                        && !name.startsWith(".")
                        && SUFFIXES.stream().anyMatch(name.toLowerCase(Locale.ROOT)::endsWith)
                        && (position == null || name.compareTo(position) > 0)) {
                    waiting.add(entry);
                }
            }
            waiting.sort((a, b) -> a.getFilename().compareTo(b.getFilename()));
            for (ChannelSftp.LsEntry entry : waiting) {
                if (session.stopping()) {
                    return;
                }
                fetch(sftp, folder, entry, session);
            }
        } catch (JSchException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Auth fail") || message.contains("Auth cancel")) {
                throw passwordVariable == null
                        ? FeedFailure.refused("sftpRefusedNoVariable", where, source)
                        : FeedFailure.refused("sftpRefused", where, source, passwordVariable);
            }
            if (message.contains("HostKey") || message.contains("reject HostKey")) {
                throw FeedFailure.refused("sftpHostKey", where, knownHosts);
            }
            throw FeedFailure.dropped("unreachable", "SFTP", where, message);
        } catch (SftpException e) {
            throw FeedFailure.dropped("sftpList", where, url.getPath(), e.getMessage());
        } finally {
            if (sftp != null) {
                sftp.disconnect();
            }
            if (ssh != null) {
                ssh.disconnect();
            }
        }
    }

    private void fetch(ChannelSftp sftp, String folder, ChannelSftp.LsEntry entry, Session session)
            throws FeedFailure, SftpException {
        String name = entry.getFilename();
        Path local = null;
        try {
            local = Files.createTempFile("vigil-" + source + "-", ".part");
            try (InputStream in = sftp.get(folder + "/" + name)) {
                Files.copy(in, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            long size = Files.size(local);
            if (size != entry.getAttrs().getSize()) {
                throw FeedFailure.dropped(
                        "truncated", name, size, entry.getAttrs().getSize());
            }
            try (InputStream in = Files.newInputStream(local)) {
                session.commit(
                        in, name, name, Instant.ofEpochSecond(entry.getAttrs().getMTime()), 1);
            }
        } catch (IOException e) {
            throw FeedFailure.dropped("localFile", name, e.getMessage());
        } finally {
            if (local != null) {
                try {
                    Files.deleteIfExists(local);
                } catch (IOException e) {
                    // a temporary file left behind
                }
            }
        }
    }
}
