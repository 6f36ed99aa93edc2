package eu.vigil.web;

import jakarta.servlet.DispatcherType;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/** Filters that run before security, so that no hostile value or database fault ever reaches a 500. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadLimits.class)
class RequestGuards {

    @Bean
    FilterRegistrationBean<DatabaseFaultsFilter> databaseFaultsFilter(DataSource dataSource) {
        var registration = new FilterRegistrationBean<>(new DatabaseFaultsFilter(dataSource));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(UploadLimits limits, MessageSource messages) {
        var registration = new FilterRegistrationBean<>(new RequestSizeFilter(limits, messages));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    FilterRegistrationBean<HostileInputFilter> hostileInputFilter() {
        var registration = new FilterRegistrationBean<>(new HostileInputFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** JSON strings with a NUL character are refused while reading, naming the field. */
    @Bean
    JacksonModule nulRejectingStrings() {
        return new SimpleModule("vigil-nul-rejecting-strings")
                .addDeserializer(String.class, new NulRejectingStringDeserializer());
    }
}
