package eu.vigil.feed.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.vigil.feed.FeedMessage;
import eu.vigil.feed.connect.KboOpenData.Published;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Which KBO extracts the connection downloads, in which order, from what the listing offers. */
class KboPlanTests {

    private static final List<Published> LISTING =
            List.of(full(140), update(141), update(142), update(143), full(150), update(151), update(152), update(153));

    @Test
    void aRegistryThatAppliedNothingStartsFromTheNewestFullAndTheUpdatesAfterIt() throws Exception {
        assertThat(numbers(KboOpenData.plan(LISTING, null, false))).containsExactly("F150", "U151", "U152", "U153");
    }

    @Test
    void theUpdatesAfterTheLastAppliedOneAreTakenInExtractNumberOrder() throws Exception {
        assertThat(numbers(KboOpenData.plan(LISTING.reversed(), 151, false))).containsExactly("U152", "U153");
        assertThat(KboOpenData.plan(LISTING, 153, false)).as("up to date").isEmpty();
    }

    @Test
    void aFullCarryingTheNextNumberIsTakenInItsPlace() throws Exception {
        assertThat(numbers(KboOpenData.plan(LISTING, 148, false)).getFirst())
                .as("149 is missing: the gap is bridged by the newest Full")
                .isEqualTo("F150");
        List<Published> fullOnly = List.of(update(141), full(142), update(143));
        assertThat(numbers(KboOpenData.plan(fullOnly, 141, false))).containsExactly("F142", "U143");
    }

    @Test
    void aFullOfTheSameNumberAsAnUpdateIsTakenOnlyWhenToldTo() throws Exception {
        List<Published> both = List.of(update(150), full(150), update(151));
        assertThat(numbers(KboOpenData.plan(both, 149, false))).containsExactly("U150", "U151");
        assertThat(numbers(KboOpenData.plan(both, 149, true))).containsExactly("F150", "U151");
    }

    @Test
    void aGapNoNewerFullBridgesIsRefusedInWords() {
        List<Published> listing = List.of(full(140), update(141), update(145));
        assertThatThrownBy(() -> KboOpenData.plan(listing, 142, false))
                .isInstanceOf(FeedFailure.class)
                .satisfies(e -> assertThat(((FeedFailure) e).kind()).isEqualTo(FeedFailure.Kind.REFUSED))
                .satisfies(e -> assertThat(english(((FeedFailure) e).reason()))
                        .isEqualTo("KBO extract 143 is not in the KBO listing any more and no newer Full bridges the"
                                + " gap: load the missing Updates through Feeds, or wait for the next Full."));
    }

    private static List<String> numbers(List<Published> plan) {
        return plan.stream().map(p -> (p.full() ? "F" : "U") + p.number()).toList();
    }

    private static Published full(int number) {
        return new Published(number, true, "KboOpenData_0" + number + "_2026_11_Full.zip", URI.create("x"), null);
    }

    private static Published update(int number) {
        return new Published(number, false, "KboOpenData_0" + number + "_2026_11_01_Update.zip", URI.create("x"), null);
    }

    private static String english(FeedMessage reason) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(reason, Locale.ENGLISH);
    }
}
