package eu.vigil.alerting.internal;

import eu.vigil.alerting.AlertingProperties;
import eu.vigil.notification.Mailer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each instance's outbox workers ({@code vigil.alerts.senders} threads): each claims due rows, renders and sends
 * each, and marks it; polls again at once while there is work, else after {@code vigil.alerts.poll-interval}. Rows
 * survive restarts in the table. A thread signs its claims {@code <vigil.alerts.instance>#n}.
 */
@Component
class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    /** Accepted mails are marked SENT this many at a time: what a crash at the wrong moment may send twice. */
    static final int MARK_SENT_EVERY = 50;

    private final Outbox outbox;
    private final AlertMails mails;
    private final Mailer mailer;
    private final AlertingProperties properties;
    private final String name;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    OutboxWorker(Outbox outbox, AlertMails mails, Mailer mailer, AlertingProperties properties) {
        this.outbox = outbox;
        this.mails = mails;
        this.mailer = mailer;
        this.properties = properties;
        this.name = properties.instance().isBlank()
                ? workerName()
                : properties.instance().strip();
    }

    /**
     * Sends what is due now as worker {@code worker} over {@code smtp}, kept open from one batch to the next while
     * there is work; answers how many rows it handled.
     */
    int deliverDue(String worker, Mailer.Connection smtp) {
        long leaseFrom = System.nanoTime();
        List<Outbox.Claimed> claimed = outbox.claim(worker);
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<Long, AlertMails.Composed> composed;
        try {
            composed = mails.compose(claimed);
        } catch (RuntimeException e) {
            // one row that cannot be composed must not hold back the others: each on its own then
            composed = new HashMap<>();
            for (Outbox.Claimed row : claimed) {
                try {
                    composed.putAll(mails.compose(List.of(row)));
                } catch (RuntimeException failure) {
                    failed(row, worker, failure);
                }
            }
        }
        // the lease must cover the batch: renewed for the rows left whenever a third of it has gone by
        long renewAfter = properties.lease().toNanos() / 3;
        Set<Long> owned = new HashSet<>(composed.keySet());
        // rows the SMTP server accepted are marked SENT together, one UPDATE per 50: a crash in between resends them
        List<Long> accepted = new ArrayList<>();
        try {
            for (int i = 0; i < claimed.size(); i++) {
                Outbox.Claimed row = claimed.get(i);
                if (System.nanoTime() - leaseFrom > renewAfter) {
                    markSent(accepted, worker);
                    leaseFrom = System.nanoTime();
                    owned.retainAll(outbox.renew(
                            claimed.subList(i, claimed.size()).stream()
                                    .map(Outbox.Claimed::id)
                                    .toList(),
                            worker));
                }
                if (owned.contains(row.id()) && deliver(row, composed.get(row.id()), worker, smtp)) {
                    accepted.add(row.id());
                    if (accepted.size() >= MARK_SENT_EVERY) {
                        markSent(accepted, worker);
                    }
                }
            }
        } finally {
            markSent(accepted, worker);
        }
        return claimed.size();
    }

    /** Answers whether the SMTP server accepted the row's mail: it is then still to be marked sent. */
    private boolean deliver(Outbox.Claimed row, AlertMails.Composed composed, String worker, Mailer.Connection smtp) {
        try {
            switch (composed) {
                case AlertMails.Nothing nothing -> {
                    outbox.skipped(row.id(), worker, nothing.why());
                    return false;
                }
                case AlertMails.Mail mail -> {
                    smtp.send(mail.mail());
                    return true;
                }
            }
        } catch (RuntimeException e) {
            // a refused or timed-out send, an unreadable row, a template that failed: retried, then a dead letter
            failed(row, worker, e);
            return false;
        }
    }

    private void markSent(List<Long> accepted, String worker) {
        if (accepted.isEmpty()) {
            return;
        }
        Set<Long> marked = outbox.sent(accepted, worker);
        for (Long id : accepted) {
            if (!marked.contains(id)) {
                log.warn("Outbox row {} was sent, but its claim had passed to another worker", id);
            }
        }
        accepted.clear();
    }

    private void failed(Outbox.Claimed row, String worker, RuntimeException e) {
        boolean dead = outbox.failed(row, worker, e.getMessage());
        if (dead) {
            log.error(
                    "Gave up on outbox row {} to {} after {} attempts: {}",
                    row.id(),
                    row.recipient(),
                    row.attempts(),
                    e.getMessage());
        } else {
            log.warn(
                    "Attempt {} of outbox row {} to {} failed, will retry: {}",
                    row.attempts(),
                    row.id(),
                    row.recipient(),
                    e.getMessage());
        }
    }

    private void loop(String worker) {
        Mailer.Connection smtp = mailer.connection();
        while (running) {
            int handled = 0;
            try {
                handled = deliverDue(worker, smtp);
            } catch (RuntimeException e) {
                // rows it claimed and did not mark go out again once their lease has run out
                log.warn("An outbox worker could not claim, send or mark its rows: {}", e.getMessage());
                smtp.close();
            }
            if (handled == 0) {
                smtp.close();
                try {
                    Thread.sleep(properties.pollInterval());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        smtp.close();
    }

    @Override
    public void start() {
        running = true;
        for (int n = 1; n <= properties.senders(); n++) {
            String worker = name + "#" + n;
            threads.add(Thread.ofPlatform().daemon().name("alert-outbox-" + n).start(() -> loop(worker)));
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        // a send in progress may finish (at most 10 s in all); a row left unfinished is taken over when its lease ends
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String workerName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        String name = host + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 90 ? name.substring(name.length() - 90) : name;
    }
}
