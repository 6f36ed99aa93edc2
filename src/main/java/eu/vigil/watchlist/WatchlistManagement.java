package eu.vigil.watchlist;

import eu.vigil.company.CompanyDirectory;
import eu.vigil.company.CompanyId;
import eu.vigil.company.CompanyNumbers;
import eu.vigil.company.ParseResult;
import eu.vigil.shared.NotFoundException;
import eu.vigil.tenancy.Actors;
import eu.vigil.tenancy.Audited;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.watchlist.internal.EntryQueries;
import eu.vigil.watchlist.internal.EntryStore;
import eu.vigil.watchlist.internal.Lights;
import eu.vigil.watchlist.internal.Watchlist;
import eu.vigil.watchlist.internal.WatchlistRepository;
import eu.vigil.watchlist.internal.Wording;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bound tenant's watchlists and their entries. Every method first loads the watchlist through the
 * tenant-scoped repository, so another tenant's list answers as a missing one.
 */
@Service
public class WatchlistManagement {

    private final WatchlistRepository watchlists;
    private final EntryStore store;
    private final EntryQueries queries;
    private final Lights lights;
    private final CompanyDirectory directory;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    WatchlistManagement(
            WatchlistRepository watchlists,
            EntryStore store,
            EntryQueries queries,
            Lights lights,
            CompanyDirectory directory,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events) {
        this.events = events;
        this.watchlists = watchlists;
        this.store = store;
        this.queries = queries;
        this.lights = lights;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<WatchlistView> watchlists() {
        requireTenant();
        List<Watchlist> all = watchlists.findAllByOrderByNameAsc();
        Map<UUID, Long> counts = new HashMap<>();
        if (!all.isEmpty()) {
            jdbc.query(
                    "select watchlist_id, count(*) from watchlist_entry where watchlist_id = any(?::uuid[]) group by watchlist_id",
                    rs -> {
                        counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    },
                    (Object) all.stream().map(Watchlist::getId).toArray(UUID[]::new));
        }
        return all.stream()
                .map(w -> view(w, counts.getOrDefault(w.getId(), 0L)))
                .toList();
    }

    @Transactional
    public WatchlistView create(String rawName) {
        UUID tenant = requireTenant();
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new WatchlistException("watchlist.error.name");
        }
        if (watchlists.existsByNameIgnoreCase(name)) {
            throw new WatchlistException("watchlist.error.nameTaken", name);
        }
        Watchlist created = watchlists.save(new Watchlist(name, Actors.current()));
        events.publishEvent(Audited.of("WatchlistCreated", name));
        return view(created, 0);
    }

    @Transactional(readOnly = true)
    public WatchlistView watchlist(UUID id) {
        Watchlist watchlist = require(id);
        Long count = jdbc.queryForObject("select count(*) from watchlist_entry where watchlist_id = ?", Long.class, id);
        return view(watchlist, count == null ? 0 : count);
    }

    /** Adds one company; an invalid number or one already on the list says why. */
    @Transactional
    public EntryView add(UUID watchlistId, String number, EntryData data) {
        UUID tenant = requireTenant();
        Watchlist watchlist = require(watchlistId);
        ParseResult parsed = CompanyNumbers.parse(number, null);
        if (parsed instanceof ParseResult.Invalid invalid) {
            Wording why = Wording.ofNumber(number, invalid);
            throw new WatchlistException(why.key(), why.arguments());
        }
        CompanyId id = ((ParseResult.Valid) parsed).id();
        if (store.keysOn(watchlist.getId()).contains(EntryStore.key(id))) {
            throw new WatchlistException("watchlist.error.alreadyOnList", id.display());
        }
        Long companyId = store.companyIds(List.of(id)).get(EntryStore.key(id));
        boolean newlyWatched = companyId != null
                && store.alreadyWatched(tenant, List.of(companyId)).isEmpty();
        store.insert(
                tenant,
                watchlist.getId(),
                null,
                List.of(new EntryStore.NewEntry(id, companyId, data, null, null, newlyWatched)));
        if (companyId != null) {
            lights.refresh(List.of(companyId));
        }
        Long entryId = jdbc.queryForObject(
                "select id from watchlist_entry where watchlist_id = ? and country = ? and number = ?",
                Long.class,
                watchlist.getId(),
                id.country(),
                id.number());
        events.publishEvent(Audited.of("EntryAdded", id.country() + " " + id.display(), watchlist.getName()));
        return queries.entry(watchlist.getId(), entryId).orElseThrow();
    }

    /**
     * What the add-one search box offers for {@code text}: companies by name or number (a complete one in
     * any notation, or the first digits), or, for a valid number Vigil does not know yet, that number as pending.
     */
    @Transactional(readOnly = true)
    public List<CompanySuggestion> suggest(UUID watchlistId, String text, int limit, String language) {
        Watchlist watchlist = require(watchlistId);
        String q = text == null ? "" : text.strip();
        if (q.length() < 2) {
            return List.of();
        }
        List<CompanyDirectory.CompanySummary> found = directory.suggest(q, Math.clamp(limit, 1, 50), language);
        List<CompanyId> ids = new ArrayList<>(
                found.stream().map(CompanyDirectory.CompanySummary::companyId).toList());
        if (found.isEmpty() && CompanyNumbers.parse(q, null) instanceof ParseResult.Valid valid) {
            ids.add(valid.id());
        }
        Set<CompanyId> onList = onList(watchlist.getId(), ids);
        List<CompanySuggestion> suggestions = new ArrayList<>(ids.size());
        for (CompanyDirectory.CompanySummary summary : found) {
            suggestions.add(
                    suggestion(summary.companyId(), summary.name(), summary.city(), summary.active(), true, onList));
        }
        if (found.isEmpty() && !ids.isEmpty()) {
            suggestions.add(suggestion(ids.getFirst(), null, null, null, false, onList));
        }
        return suggestions;
    }

    /** Why {@code text} cannot be a company number, when it looks like one (not a name) and is not; else empty. */
    public Optional<Wording> numberProblem(String text) {
        String q = text == null ? "" : text.strip();
        if (q.length() < 2 || CompanyDirectory.looksLikeAName(q)) {
            return Optional.empty();
        }
        return CompanyNumbers.parse(q, null) instanceof ParseResult.Invalid invalid
                ? Optional.of(Wording.ofNumber(q, invalid))
                : Optional.empty();
    }

    private Set<CompanyId> onList(UUID watchlistId, List<CompanyId> ids) {
        Set<CompanyId> on = new HashSet<>();
        if (ids.isEmpty()) {
            return on;
        }
        jdbc.query(
                """
                select e.country, e.number from watchlist_entry e
                join unnest(?::text[], ?::text[]) as w(country, number) on e.country = w.country and e.number = w.number
                where e.watchlist_id = ?""",
                rs -> {
                    on.add(new CompanyId(rs.getString(1).trim(), rs.getString(2)));
                },
                ids.stream().map(CompanyId::country).toArray(String[]::new),
                ids.stream().map(CompanyId::number).toArray(String[]::new),
                watchlistId);
        return on;
    }

    private static CompanySuggestion suggestion(
            CompanyId id, String name, String city, Boolean active, boolean known, Set<CompanyId> onList) {
        return new CompanySuggestion(
                id.country(),
                id.number(),
                id.display(),
                submittable(id),
                name,
                city,
                active,
                known,
                onList.contains(id));
    }

    /** The shortest way of writing the number that the parser reads back as this company. */
    static String submittable(CompanyId id) {
        for (String candidate :
                new String[] {id.country() + id.number(), id.country() + " " + id.display(), id.number()}) {
            if (CompanyNumbers.parse(candidate, null) instanceof ParseResult.Valid valid
                    && valid.id().equals(id)) {
                return candidate;
            }
        }
        return id.country() + id.number();
    }

    @Transactional
    public void update(UUID watchlistId, long entryId, EntryData data) {
        requireTenant();
        Watchlist watchlist = require(watchlistId);
        int updated = jdbc.update(
                """
                update watchlist_entry set reference = ?, relationship = ?, credit_limit = ?, limit_currency = ?, exposure = ?,
                    exposure_currency = ?, owner_id = ?, tags = ? where watchlist_id = ? and id = ?""",
                data.reference(),
                data.relationship().name(),
                data.creditLimit() == null ? null : data.creditLimit().value(),
                data.creditLimit() == null ? null : data.creditLimit().currency(),
                data.exposure() == null ? null : data.exposure().value(),
                data.exposure() == null ? null : data.exposure().currency(),
                data.ownerId(),
                data.tags().toArray(String[]::new),
                watchlist.getId(),
                entryId);
        if (updated == 0) {
            throw new NotFoundException("Watchlist entry");
        }
        queries.entry(watchlist.getId(), entryId)
                .ifPresent(entry -> events.publishEvent(
                        Audited.of("EntryUpdated", entry.country() + " " + entry.display(), watchlist.getName())));
    }

    /**
     * Sets one of the bound tenant's entries' credit limit (an accepted limit advice), audited with the old and the new
     * limit; an entry of another tenant is not found.
     */
    @Transactional
    public void changeCreditLimit(long entryId, Amount limit, String reason) {
        UUID tenant = requireTenant();
        var before = jdbc.query(
                """
                select country, number, credit_limit, limit_currency from watchlist_entry
                where tenant_id = ? and id = ? for update""",
                (rs, n) -> new Object[] {
                    rs.getString(1).trim() + " " + rs.getString(2),
                    rs.getBigDecimal(3) == null ? null : rs.getBigDecimal(3).toPlainString() + " " + rs.getString(4)
                },
                tenant,
                entryId);
        if (before.isEmpty()) {
            throw new NotFoundException("Watchlist entry");
        }
        jdbc.update(
                "update watchlist_entry set credit_limit = ?, limit_currency = ? where tenant_id = ? and id = ?",
                limit.value(),
                limit.currency(),
                tenant,
                entryId);
        events.publishEvent(Audited.of(
                "CreditLimitChanged",
                (String) before.get(0)[0],
                (String) before.get(0)[1],
                limit.value().toPlainString() + " " + limit.currency(),
                reason));
    }

    /** Moves an entry to another of the tenant's lists; where that list has the company already, this entry is dropped. */
    @Transactional
    public void move(UUID watchlistId, long entryId, UUID targetId) {
        requireTenant();
        Watchlist from = require(watchlistId);
        Watchlist to = require(targetId);
        EntryView entry =
                queries.entry(from.getId(), entryId).orElseThrow(() -> new NotFoundException("Watchlist entry"));
        if (from.getId().equals(to.getId())) {
            return;
        }
        events.publishEvent(
                Audited.of("EntryMoved", entry.country() + " " + entry.display(), from.getName(), to.getName()));
        if (!jdbc.queryForList(
                        "select 1 from watchlist_entry where watchlist_id = ? and country = ? and number = ?",
                        Integer.class,
                        to.getId(),
                        entry.country(),
                        entry.number())
                .isEmpty()) {
            jdbc.update("delete from watchlist_entry where watchlist_id = ? and id = ?", from.getId(), entryId);
        } else {
            jdbc.update(
                    "update watchlist_entry set watchlist_id = ? where watchlist_id = ? and id = ?",
                    to.getId(),
                    from.getId(),
                    entryId);
        }
    }

    /** Removes an entry; the company's signal history and any alerts already sent stay. */
    @Transactional
    public void remove(UUID watchlistId, long entryId) {
        requireTenant();
        Watchlist watchlist = require(watchlistId);
        EntryView entry =
                queries.entry(watchlist.getId(), entryId).orElseThrow(() -> new NotFoundException("Watchlist entry"));
        if (jdbc.update("delete from watchlist_entry where watchlist_id = ? and id = ?", watchlist.getId(), entryId)
                == 0) {
            throw new NotFoundException("Watchlist entry");
        }
        events.publishEvent(Audited.of("EntryRemoved", entry.country() + " " + entry.display(), watchlist.getName()));
    }

    @Transactional(readOnly = true)
    public EntryView entry(UUID watchlistId, long entryId) {
        Watchlist watchlist = require(watchlistId);
        return queries.entry(watchlist.getId(), entryId).orElseThrow(() -> new NotFoundException("Watchlist entry"));
    }

    @Transactional(readOnly = true)
    public EntryPage entries(UUID watchlistId, EntryFilter filter, int page, int size) {
        Watchlist watchlist = require(watchlistId);
        int safeSize = Math.clamp(size, 1, 500);
        long total = queries.count(watchlist.getId(), filter);
        int pages = (int) Math.max(1, (total + safeSize - 1) / safeSize);
        int safePage = Math.clamp(page, 1, pages);
        return new EntryPage(
                queries.page(watchlist.getId(), filter, (safePage - 1) * safeSize, safeSize),
                safePage,
                safeSize,
                total);
    }

    /** Every matching entry in order, for an export. */
    @Transactional(readOnly = true)
    public void each(UUID watchlistId, EntryFilter filter, Consumer<EntryView> consumer) {
        Watchlist watchlist = require(watchlistId);
        queries.each(watchlist.getId(), filter, consumer);
    }

    /** What the signed-in tenant has at stake on a company (exposure, credit limit, the lists it sits on), per currency. */
    @Transactional(readOnly = true)
    public List<EntryQueries.Stake> stakes(long companyId) {
        return queries.stakes(TenantContext.require(), companyId);
    }

    @Transactional(readOnly = true)
    public List<String> tags(UUID watchlistId) {
        return queries.tags(require(watchlistId).getId());
    }

    Watchlist require(UUID id) {
        requireTenant();
        return watchlists.findById(id).orElseThrow(() -> new NotFoundException("Watchlist"));
    }

    /** Watchlists belong to a tenant; the platform has none of its own. */
    static UUID requireTenant() {
        if (TenantContext.isPlatform() || TenantContext.current().isEmpty()) {
            throw new AccessDeniedException("Watchlists belong to a tenant");
        }
        return TenantContext.require();
    }

    private static WatchlistView view(Watchlist w, long entries) {
        return new WatchlistView(w.getId(), w.getName(), w.getCreatedBy(), w.getCreatedAt(), entries);
    }
}
