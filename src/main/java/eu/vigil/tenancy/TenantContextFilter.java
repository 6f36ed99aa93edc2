package eu.vigil.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the caller's tenant for the rest of the request. A signed-in person is re-read on every
 * request, so a deactivation, a password change elsewhere or a role change takes effect at once.
 */
class TenantContextFilter extends OncePerRequestFilter {

    private final UserManagement userManagement;
    private final SecurityContextRepository contextRepository;

    TenantContextFilter(UserManagement userManagement, SecurityContextRepository contextRepository) {
        this.userManagement = userManagement;
        this.contextRepository = contextRepository;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        UUID tenant = null;
        String actor = null;
        if (authentication != null && authentication.getPrincipal() instanceof VigilUser user) {
            Optional<VigilUser> current = userManagement.currentState(user.userId());
            if (current.isEmpty() || current.get().sessionEpoch() != user.sessionEpoch()) {
                new SecurityContextLogoutHandler().logout(request, response, authentication);
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            VigilUser fresh = current.get();
            if (fresh.role() != user.role()
                    || fresh.language() != user.language()
                    || !fresh.timeZone().equals(user.timeZone())
                    || !fresh.displayName().equals(user.displayName())) {
                refreshSession(request, response, authentication, fresh);
            }
            tenant = fresh.isPlatformAdmin() ? TenantContext.PLATFORM : fresh.tenantId();
            actor = fresh.email();
        } else if (authentication != null && authentication.getPrincipal() instanceof ApiClient client) {
            tenant = client.isPlatform() ? TenantContext.PLATFORM : client.tenantId();
            actor = "api-key:" + client.keyName();
        }
        if (tenant == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put("tenant", tenant.toString());
        MDC.put("actor", actor);
        try (TenantContext.Scope ignored = TenantContext.bind(tenant)) {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("tenant");
            MDC.remove("actor");
        }
    }

    private void refreshSession(
            HttpServletRequest request, HttpServletResponse response, Authentication old, VigilUser fresh) {
        var updated = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        updated.setDetails(old.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }
}
