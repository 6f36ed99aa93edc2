package eu.vigil.alerting;

import eu.vigil.alerting.internal.Silence;
import eu.vigil.alerting.internal.SilenceRepository;
import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyRegistry;
import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.Audited;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.UserManagement;
import eu.vigil.watchlist.WatchedCompanies;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People's silences: a muted company's alerts still reach the inbox, but no email goes to that person until the silence ends. */
@Service
public class Silences {

    private final SilenceRepository silences;
    private final UserManagement users;
    private final CompanyRegistry companies;
    private final WatchedCompanies watched;

    private final ApplicationEventPublisher events;

    Silences(
            SilenceRepository silences,
            UserManagement users,
            CompanyRegistry companies,
            WatchedCompanies watched,
            ApplicationEventPublisher events) {
        this.events = events;
        this.silences = silences;
        this.users = users;
        this.companies = companies;
        this.watched = watched;
    }

    /** Mutes {@code company} for a person of the bound tenant until {@code until}; answers the silence's id. */
    @Transactional
    public UUID silence(UUID userId, CompanyId company, Instant until, String reason) {
        users.user(userId);
        long companyId = companies
                .find(company)
                .orElseThrow(() -> new NotFoundException("Company"))
                .id();
        if (until == null || !until.isAfter(Instant.now())) {
            throw new AlertingException("until", "alerts.error.until");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new AlertingException("reason", "alerts.error.reason");
        }
        UUID id = silences.save(new Silence(
                        TenantContext.require(), userId, companyId, company.country(), company.number(), until, why))
                .getId();
        events.publishEvent(
                Audited.of("SilenceCreated", company.country() + " " + company.display(), until.toString(), why));
        return id;
    }

    /** The person's silences that have not ended, the soonest to end first. */
    @Transactional(readOnly = true)
    public List<SilenceView> running(UUID userId) {
        return views(silences.findByUserIdAndUntilAfterOrderByUntilAsc(userId, Instant.now()));
    }

    /** The person's running silence of this company, if any (the latest to end). */
    @Transactional(readOnly = true)
    public Optional<SilenceView> running(UUID userId, CompanyId company) {
        return companies
                .find(company)
                .flatMap(state ->
                        views(silences.findByUserIdAndCompanyIdAndUntilAfter(userId, state.id(), Instant.now()))
                                .stream()
                                .max(java.util.Comparator.comparing(SilenceView::until)));
    }

    /** Ends one of the person's own silences; anyone else's answers as a missing one. */
    @Transactional
    public void remove(UUID silenceId, UUID userId) {
        Silence silence = silences.findById(silenceId)
                .filter(s -> s.getUserId().equals(userId))
                .orElseThrow(() -> new NotFoundException("Silence"));
        silences.delete(silence);
        events.publishEvent(Audited.of(
                "SilenceRemoved",
                silence.getCountry().trim() + " "
                        + new CompanyId(silence.getCountry().trim(), silence.getNumber()).display()));
    }

    private List<SilenceView> views(List<Silence> found) {
        Map<Long, String> names = watched.names(
                found.stream().map(Silence::getCompanyId).distinct().toList());
        return found.stream()
                .map(s -> new SilenceView(
                        s.getId(),
                        s.getCountry().trim(),
                        s.getNumber(),
                        names.get(s.getCompanyId()),
                        s.getUntil(),
                        s.getReason(),
                        s.getCreatedAt()))
                .toList();
    }
}
