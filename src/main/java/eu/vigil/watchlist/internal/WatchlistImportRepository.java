package eu.vigil.watchlist.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WatchlistImportRepository extends JpaRepository<WatchlistImport, UUID> {

    List<WatchlistImport> findTop10ByWatchlistIdOrderByCreatedAtDesc(UUID watchlistId);
}
