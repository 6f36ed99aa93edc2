package eu.vigil.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for. Hibernate reads it for every tenant-owned entity, so
 * queries never name the tenant by hand. With no tenant bound, tenant-owned rows are invisible.
 */
public final class TenantContext {

    /** The platform's own tenant; bound, it sees every tenant's rows (platform admins, system jobs). */
    public static final UUID PLATFORM = new UUID(0L, 0L);

    /** Bound when nobody is signed in: matches no row. */
    static final UUID NOBODY = new UUID(0L, 1L);

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant bound to this thread");
        }
        return tenant;
    }

    /** What Hibernate scopes by: the bound tenant, or a tenant that owns nothing. */
    public static UUID boundOrNobody() {
        UUID tenant = CURRENT.get();
        return tenant == null ? NOBODY : tenant;
    }

    public static boolean isPlatform() {
        return PLATFORM.equals(CURRENT.get());
    }

    /** Binds {@code tenant} until the returned scope is closed, then restores what was bound before. */
    public static Scope bind(UUID tenant) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenant);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    public static <T> T callAs(UUID tenant, Supplier<T> work) {
        try (Scope ignored = bind(tenant)) {
            return work.get();
        }
    }

    public static void runAs(UUID tenant, Runnable work) {
        try (Scope ignored = bind(tenant)) {
            work.run();
        }
    }

    public static <T> T callAsPlatform(Supplier<T> work) {
        return callAs(PLATFORM, work);
    }

    public static void runAsPlatform(Runnable work) {
        runAs(PLATFORM, work);
    }

    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
