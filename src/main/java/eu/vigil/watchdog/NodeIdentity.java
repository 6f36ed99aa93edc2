package eu.vigil.watchdog;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This instance's name for the watchdog: every database connection carries it as its application_name,
 * which is how a run or import started on it is marked as its own (see V57).
 */
@Component
class NodeIdentity implements BeanPostProcessor {

    private final String id;

    /** {@code vigil.watchdog.node-name} (a host name in Compose, at most 64 characters), else a name of its own. */
    NodeIdentity(Environment environment) {
        String name = environment.getProperty("vigil.watchdog.node-name", "").strip();
        this.id = name.isEmpty()
                ? "vigil-" + UUID.randomUUID().toString().substring(0, 18)
                : name.length() > 64 ? name.substring(0, 64) : name;
    }

    String id() {
        return id;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
            pool.addDataSourceProperty("ApplicationName", id);
        }
        return bean;
    }
}
