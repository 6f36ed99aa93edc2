package eu.vigil.feed.kbo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.vigil.feed.internal.ExtractInfo;
import eu.vigil.feed.internal.RefusedException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A registry that never loaded a KBO Full refuses an Update (it lists one day's changes only), saying what to
 * load first; a Full is always welcome. Forcing skips the check (FeedIngestion does not ask the adapter then).
 */
class KboUpdateWithoutFullTests {

    private static final ExtractInfo UPDATE =
            new ExtractInfo(147, "update", LocalDate.of(2025, 10, 11), "KBO update extract 0147");
    private static final ExtractInfo FULL =
            new ExtractInfo(147, "full", LocalDate.of(2025, 10, 11), "KBO full extract 0147");

    @Test
    void anUpdateOnARegistryThatNeverLoadedAFullIsRefusedSayingWhatToLoadFirst() {
        assertThatThrownBy(() -> KboAdapter.refuseUpdateWithoutFull(UPDATE, false))
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("never loaded a KBO Full extract")
                .hasMessageContaining("load the latest Full extract first")
                .hasMessageContaining("Force this Update");
    }

    @Test
    void anUpdateAfterAFullAndAFullAtAnyTimeAreTaken() {
        assertThatCode(() -> KboAdapter.refuseUpdateWithoutFull(UPDATE, true)).doesNotThrowAnyException();
        assertThatCode(() -> KboAdapter.refuseUpdateWithoutFull(FULL, false)).doesNotThrowAnyException();
    }
}
