package eu.vigil.tenancy;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.JavaInfo;
import org.springframework.boot.info.OsInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** JVM and operating-system versions in {@code /actuator/info}, for platform keys only: to others they only help an attacker. */
@Component
class PlatformInfoContributor implements InfoContributor {

    @Override
    public void contribute(Info.Builder builder) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        boolean platform = caller != null
                && caller.getAuthorities().stream()
                        .anyMatch(authority -> ApiKeyScope.PLATFORM.authority().equals(authority.getAuthority()));
        if (platform) {
            builder.withDetail("java", new JavaInfo()).withDetail("os", new OsInfo());
        }
    }
}
