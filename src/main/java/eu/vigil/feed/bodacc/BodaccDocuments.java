package eu.vigil.feed.bodacc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A French company as its BODACC notices show it: every notice Vigil took for it (kept, so that a later
 * correction or cancellation finds the notice it names, and so that a notice is never taken twice), and the
 * situation they add up to. A cancelled notice, and one a correction replaced, count no more.
 */
final class BodaccDocuments {

    static final JsonMapper JSON = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    static final String ANNONCE = "annonce";
    static final String RECTIFICATIF = "rectificatif";
    static final String ANNULATION = "annulation";
    static final String NONE = "none";

    private BodaccDocuments() {}

    /**
     * One notice, as far as the situation goes.
     *
     * @param date    when it happened: the judgment's date, else the publication's
     * @param kind    what it does: a judgment kind of {@link Judgments}, or conciliation, vente, radiation, dpc, other
     * @param target  the notice a rectificatif or an annulation names, or null
     * @param closing the end of the financial year of filed accounts (dpc), or null
     * @param implied for a notice of a proceeding's course, the proceeding it names (a kind), or null
     */
    record Notice(
            String id,
            String published,
            String date,
            String type,
            String family,
            String kind,
            String nature,
            String target,
            String closing,
            String implied) {

        /** How a person reads it in an event. */
        String summary() {
            return id + " " + type + " " + (Judgments.OTHER.equals(kind) ? family : kind) + " " + date;
        }
    }

    private static final Set<String> BANKRUPT = Set.of("048", "049", "050");

    /** What the notices add up to, and the notices. */
    record Status(
            boolean active, String juridicalSituation, String proceedings, String accountsFiled, List<Notice> notices) {

        Status {
            notices = notices == null
                    ? List.of()
                    : notices.stream()
                            .sorted(Comparator.comparing(Notice::published).thenComparing(Notice::id))
                            .toList();
        }

        static Status of(List<Notice> notices) {
            return situation(notices);
        }

        boolean has(String id) {
            return notices.stream().anyMatch(n -> n.id().equals(id));
        }

        Optional<Notice> notice(String id) {
            return notices.stream().filter(n -> n.id().equals(id)).findFirst();
        }

        Status with(Notice notice) {
            List<Notice> all = new ArrayList<>(notices);
            all.add(notice);
            return situation(all);
        }
    }

    /** The company's name and town as its latest notice gives them: for search and the company page. */
    record Identity(List<Name> names, String city, String postcode) {}

    record Name(String type, String value) {}

    /**
     * Folds the notices that still count, in the order they happened: proceedings is the latest event that
     * says where the company stands (none until one does); the juridical situation uses KBO's codes where one
     * means the same (redressement 091, liquidation judiciaire 048, clôture pour insuffisance d'actif 051,
     * radiation 111, back to normal 000 when a plan is adopted or the debts are extinguished).
     */
    private static Status situation(List<Notice> notices) {
        Set<String> cancelled = new HashSet<>();
        notices.stream()
                .filter(n -> ANNULATION.equals(n.type()) && n.target() != null)
                .forEach(n -> cancelled.add(n.target()));
        Set<String> replaced = new HashSet<>();
        notices.stream()
                .filter(n -> RECTIFICATIF.equals(n.type()) && n.target() != null && !cancelled.contains(n.id()))
                .forEach(n -> replaced.add(n.target()));
        List<Notice> counting = notices.stream()
                .filter(n -> !ANNULATION.equals(n.type()) && !cancelled.contains(n.id()) && !replaced.contains(n.id()))
                .sorted(Comparator.comparing(Notice::date)
                        .thenComparing(Notice::published)
                        .thenComparing(Notice::id))
                .toList();
        boolean active = true;
        String situation = "000";
        String proceedings = NONE;
        String accounts = null;
        for (Notice notice : counting) {
            String kind = notice.kind();
            if (Judgments.DURING.equals(kind)) {
                if (!NONE.equals(proceedings)) {
                    continue;
                }
                // a claims list or a distribution exists only while a proceeding runs: the company is in one
                kind = notice.implied() != null ? notice.implied() : Judgments.DURING;
            }
            switch (kind) {
                case Judgments.SAUVEGARDE -> proceedings = Judgments.SAUVEGARDE;
                case Judgments.REDRESSEMENT -> {
                    proceedings = Judgments.REDRESSEMENT;
                    situation = "091";
                }
                case Judgments.LIQUIDATION -> {
                    proceedings = Judgments.LIQUIDATION;
                    situation = "048";
                }
                case Judgments.PLAN -> {
                    proceedings = Judgments.PLAN;
                    situation = "000";
                }
                case Judgments.CLOSED_INSUFFICIENT -> {
                    proceedings = "cloture";
                    situation = "051";
                }
                case Judgments.CLOSED_PAID -> {
                    proceedings = "cloture";
                    situation = "000";
                }
                case Judgments.CLOSED -> {
                    proceedings = "cloture";
                    situation = situation != null && BANKRUPT.contains(situation) ? "051" : "000";
                }
                case Judgments.ENDED -> {
                    proceedings = NONE;
                    situation = "000";
                }
                case Judgments.CESSION -> proceedings = "vente";
                case Judgments.DURING -> {
                    // a proceeding whose kind no notice named yet
                    proceedings = "collective";
                    situation = null;
                }
                case "conciliation", "vente" -> proceedings = notice.kind();
                case "radiation" -> {
                    proceedings = "radiation";
                    situation = "111";
                    active = false;
                }
                case "dpc" -> {
                    if (notice.closing() != null
                            && (accounts == null || notice.closing().compareTo(accounts) > 0)) {
                        accounts = notice.closing();
                    }
                }
                default -> {}
            }
        }
        return new Status(active, situation, proceedings, accounts, notices);
    }
}
