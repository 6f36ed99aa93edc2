package eu.vigil.alerting;

import eu.vigil.alerting.internal.Silence;
import eu.vigil.alerting.internal.SilenceRepository;
import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.tenancy.NotFoundException;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.UserManagement;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People's silences: a muted company's alerts still reach the inbox, but no email goes to that person until the silence ends. */
@Service
public class Silences {

    private final SilenceRepository silences;
    private final UserManagement users;
    private final CompanyRegistry companies;

    Silences(SilenceRepository silences, UserManagement users, CompanyRegistry companies) {
        this.silences = silences;
        this.users = users;
        this.companies = companies;
    }

    /** Mutes {@code company} for a person of the bound tenant until {@code until}; answers the silence's id. */
    @Transactional
    public UUID silence(UUID userId, CompanyId company, Instant until, String reason) {
        users.user(userId);
        long companyId = companies.find(company).orElseThrow(() -> new NotFoundException("Company")).id();
        if (until == null || !until.isAfter(Instant.now())) {
            throw new AlertingException("until", "alerts.error.until");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new AlertingException("reason", "alerts.error.reason");
        }
        return silences.save(new Silence(TenantContext.require(), userId, companyId, until, why)).getId();
    }
}
