package eu.vigil.demo;

import eu.vigil.tenancy.TenantContext;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo world's last months after the demo tenant's watchlist is enrolled (order 200), so the feeds of
 * those months raise the alerts a tenant watching since then would have had. Does nothing unless
 * {@link DemoSeeder} has just loaded the world's history.
 */
@Component
@Order(300)
class DemoWorldRecentMonths implements ApplicationRunner {

    private final DemoWorldLoader world;

    DemoWorldRecentMonths(DemoWorldLoader world) {
        this.world = world;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantContext.runAsPlatform(world::loadRecent);
    }
}
