package eu.vigil.feed.connect;

import eu.vigil.feed.FeedConnectionStatus;
import eu.vigil.notification.Mailer;
import eu.vigil.notification.OutgoingMail;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.tenancy.UserView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells the platform admins, by email in their language, when a source has been failing or silent longer than its
 * threshold: once per episode, from whichever instance claims it first; an episode ends when the source is well.
 */
@Component
class ConnectionAlerts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConnectionAlerts.class);

    private final FeedConnections connections;
    private final ConnectionStore store;
    private final UserManagement users;
    private final Mailer mailer;
    private final MessageSource messages;
    private final Duration every;
    private volatile ScheduledExecutorService timer;

    ConnectionAlerts(
            FeedConnections connections,
            ConnectionStore store,
            UserManagement users,
            Mailer mailer,
            MessageSource messages,
            @Value("${vigil.feeds.connections.watch-interval:1m}") Duration every) {
        this.connections = connections;
        this.store = store;
        this.users = users;
        this.mailer = mailer;
        this.messages = messages;
        this.every = every;
    }

    /** Looks at every connection once: mails the episodes that began, ends those that are over. */
    void watch() {
        for (FeedConnectionStatus status : connections.connections()) {
            if (!status.enabled()) {
                continue;
            }
            if (!status.needsAttention()) {
                store.clearAlert(status.source(), status.stream());
            } else if (store.claimAlert(status.source(), status.stream())) {
                tell(status);
            }
        }
    }

    private void tell(FeedConnectionStatus status) {
        List<UserView> admins = TenantContext.callAs(TenantContext.PLATFORM, users::users).stream()
                .filter(u -> u.role() == Role.PLATFORM_ADMIN && "ACTIVE".equals(u.status()))
                .toList();
        log.warn(
                "Feed {} {} is {} (last error: {}); telling {} platform admins",
                status.source(),
                status.stream(),
                status.late() ? "late" : "failing",
                status.lastError() == null ? "" : messages.getMessage(status.lastError(), Locale.ENGLISH),
                admins.size());
        for (UserView admin : admins) {
            Locale locale = admin.language().locale();
            String name = messages.getMessage("feeds.name." + status.source(), null, status.source(), locale);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("source", name);
            model.put("sourceCode", status.source());
            model.put("stream", status.stream());
            model.put("late", status.late());
            model.put("hours", status.threshold().toHours());
            model.put("error", status.lastError() == null ? "" : messages.getMessage(status.lastError(), locale));
            try {
                mailer.send(new OutgoingMail(
                        admin.email(),
                        locale,
                        "feed-attention",
                        "mail.feedAttention.subject",
                        new Object[] {name},
                        model,
                        null,
                        null));
            } catch (RuntimeException e) {
                log.warn("Could not tell {} about feed {}: {}", admin.email(), status.source(), e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("feed-alerts").daemon().factory());
        timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        watch();
                    } catch (RuntimeException e) {
                        log.warn("Could not look at the feed connections: {}", e.getMessage());
                    }
                },
                every.toMillis(),
                every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }
}
