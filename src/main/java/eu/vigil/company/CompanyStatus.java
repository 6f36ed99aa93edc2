package eu.vigil.company;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Where a company stands, from every source's facts (KBO's juridical situation, BODACC's judgments,
 * Companies House's status and insolvency cases), and since when: the one status the portal, the emails
 * and the exports show. {@code since} is null when no source dates it.
 */
public record CompanyStatus(Kind kind, LocalDate since) {

    /** What a credit manager reads in the badge; the order is from healthy to gone. */
    public enum Kind {
        ACTIVE,
        UNDER_PLAN,
        STRIKE_OFF_PROPOSED,
        CONCILIATION,
        SAFEGUARD,
        REORGANISATION,
        MORATORIUM,
        ADMINISTRATION,
        RECEIVERSHIP,
        LIQUIDATION,
        BANKRUPT,
        LIQUIDATION_CLOSED,
        BANKRUPTCY_CLOSED,
        DISSOLVED,
        STRUCK_OFF,
        CEASED;

        /** The message key suffix and the API's word: {@code strike-off-proposed}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static final CompanyStatus UNKNOWN_ACTIVE = new CompanyStatus(Kind.ACTIVE, null);

    /** Active and in no proceeding: the only status a green "Active" badge stands for. */
    public boolean active() {
        return kind == Kind.ACTIVE;
    }

    /** Bankrupt, in liquidation, or no longer in business: no filing is expected of it any more. */
    public boolean woundUp() {
        return switch (kind) {
            case LIQUIDATION, BANKRUPT, LIQUIDATION_CLOSED, BANKRUPTCY_CLOSED, DISSOLVED, STRUCK_OFF, CEASED -> true;
            default -> false;
        };
    }

    /**
     * The light this status alone gives the company: red for insolvency, liquidation and companies that are gone,
     * until the status ends; amber for a pending strike-off, a conciliation and a plan the court adopted; green otherwise.
     */
    public String light() {
        return switch (kind) {
            case ACTIVE -> "green";
            case UNDER_PLAN, STRIKE_OFF_PROPOSED, CONCILIATION -> "amber";
            default -> "red";
        };
    }

    /** The signal that opens this status, to name as the reason of the light it gives; null for active. */
    public String signalCode() {
        return switch (kind) {
            case ACTIVE -> null;
            case UNDER_PLAN -> "SAFEGUARD_OPENED";
            case STRIKE_OFF_PROPOSED -> "STRIKE_OFF_PROPOSED";
            case CONCILIATION -> "CONCILIATION_OPENED";
            case SAFEGUARD -> "SAFEGUARD_OPENED";
            case REORGANISATION -> "REORGANISATION_OPENED";
            case MORATORIUM -> "MORATORIUM_OPENED";
            case ADMINISTRATION -> "ADMINISTRATION_ENTERED";
            case RECEIVERSHIP -> "RECEIVERSHIP_ENTERED";
            case LIQUIDATION -> "LIQUIDATION_OPENED";
            case BANKRUPT -> "BANKRUPTCY_OPENED";
            case LIQUIDATION_CLOSED -> "LIQUIDATION_CLOSED";
            case BANKRUPTCY_CLOSED -> "BANKRUPTCY_CLOSED";
            case DISSOLVED -> "DISSOLVED_BY_LAW";
            case STRUCK_OFF -> "STRUCK_OFF";
            case CEASED -> "CEASED_ACTIVE";
        };
    }
}
