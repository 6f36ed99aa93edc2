package eu.vigil.audit;

import eu.vigil.audit.internal.AuditEvent;
import eu.vigil.audit.internal.AuditEventRepository;
import eu.vigil.tenancy.AccountActivity;
import eu.vigil.tenancy.Audited;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writes the audit trail in the same transaction as the change it records, and reads it back per tenant. */
@Service
public class AuditLog {

    /** Between the arguments of an action's wording in the stored detail. */
    public static final String DETAIL_SEPARATOR = "\u001f";

    private final AuditEventRepository events;

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    /** Records an action of any module under the tenant it concerns. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(UUID tenantId, String actor, String action, String target, String detail) {
        events.save(new AuditEvent(tenantId, actor, action, target, detail, remoteAddress()));
    }

    @EventListener
    void on(AccountActivity activity) {
        record(
                activity.tenantId(),
                activity.actor(),
                activity.getClass().getSimpleName(),
                activity.target(),
                activity.detail());
    }

    @EventListener
    void on(Audited action) {
        record(
                action.tenantId(),
                action.actor(),
                action.action(),
                action.target(),
                action.details().isEmpty() ? null : String.join(DETAIL_SEPARATOR, action.details()));
    }

    /** The bound tenant's log, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> entries(int page, int size) {
        return events.findAllByOrderByOccurredAtDesc(PageRequest.of(Math.max(0, page), Math.clamp(size, 1, 200)))
                .map(e -> new AuditEntry(
                        e.getId(),
                        e.getOccurredAt(),
                        e.getActor(),
                        e.getAction(),
                        e.getTarget(),
                        e.getDetail(),
                        e.getRemoteAddr()));
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
