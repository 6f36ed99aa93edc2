package eu.vigil.watchdog;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * This instance's name for the watchdog: every database connection carries it as its application_name,
 * which is how a run or import started on it is marked as its own (see V57).
 */
@Component
class NodeIdentity implements BeanPostProcessor {

    private final String id = "vigil-" + UUID.randomUUID().toString().substring(0, 18);

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
