package eu.vigil.signal;

import eu.vigil.company.ReaderFormats;
import eu.vigil.company.ReferenceCodes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A signal event's old and new values as a person reads them, in their language: codes through their reference
 * tables, amounts with their currency, probabilities as percentages, dates in the reader's style, yes/no fields and
 * list changes as sentences. The one renderer behind the timeline, the alert pages, the emails and the API's words.
 */
@Component
public class ChangeWording {

    /** What the change reads as: each side in words (null when absent), and the whole line. */
    public record Words(String before, String after, String text) {}

    private static final Set<String> AMOUNTS = Set.of(
            "accounts.capital",
            "accounts.equity",
            "accounts.totalAssets",
            "accounts.fixedAssets",
            "accounts.currentAssets",
            "accounts.cash",
            "accounts.shortTermDebt",
            "accounts.turnover",
            "accounts.grossMargin",
            "accounts.operatingResult",
            "accounts.netResult",
            "accounts.overdueTaxDebt",
            "accounts.overdueSocialDebt",
            "scores.creditLimit",
            "internal.exposure");
    private static final Set<String> BOOLEANS =
            Set.of("status.active", "accounts.filedLate", "identity.insolvencyHistory", "identity.confirmationOverdue");
    private static final Set<String> PEOPLE = Set.of("governance.officers");
    private static final Pattern OFFICER = Pattern.compile("^(.+?) \\(([^,()]+)(?:, ([^()]+))?\\)$");
    private static final Pattern DISQUALIFIED = Pattern.compile("^(.+?) \\(disqualified from (\\S+) until (\\S+)\\)$");
    private static final Pattern LINKED = Pattern.compile("^(.+?): (.+?)(?: \\((\\d{4}-\\d{2}-\\d{2})\\))?$");
    private static final Pattern RELATED = Pattern.compile("^([A-Z]{2} \\S+): ([A-Z][A-Z0-9_]*)$");
    private static final Pattern LAST_FILED = Pattern.compile("^last filed period ended (\\d{4}-\\d{2}-\\d{2})$");
    private static final Pattern DUE =
            Pattern.compile("^period ending (\\d{4}-\\d{2}-\\d{2}) due by (\\d{4}-\\d{2}-\\d{2})$");
    private static final Pattern CHARGE = Pattern.compile("^Charge (\\S+)(?:: (.+?))?(?: \\(([^()]+)\\))?$");
    private static final Pattern NOTICE =
            Pattern.compile("^(\\S+) (annonce|rectificatif|annulation) (?:of (\\S+)|(\\S+) (\\d{4}-\\d{2}-\\d{2}))$");
    private static final Pattern ISO_DAY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final SignalCatalogue catalogue;
    private final ReferenceCodes codes;
    private final MessageSource messages;

    ChangeWording(SignalCatalogue catalogue, ReferenceCodes codes, MessageSource messages) {
        this.catalogue = catalogue;
        this.codes = codes;
        this.messages = messages;
    }

    public Words words(SignalEvent event, Locale locale) {
        return words(event.code(), event.oldValue(), event.newValue(), locale, event.source());
    }

    /** The change a signal recorded, in words; {@code oldValue}/{@code newValue} as the event holds them. */
    public Words words(String code, String oldValue, String newValue, Locale locale) {
        return words(code, oldValue, newValue, locale, null);
    }

    /**
     * The same, knowing the source that recorded it: BODACC and Companies House write their situations in KBO's codes
     * where one means the same, and a person reads them in the source's own terms (liquidation judiciaire, not a
     * Belgian bankruptcy with discharge).
     */
    public Words words(String code, String oldValue, String newValue, Locale locale, String source) {
        if ("status.juridicalSituation"
                        .equals(catalogue.find(code).map(Signal::field).orElse(""))
                && source != null
                && (source.equals("bodacc") || source.equals("companies-house"))) {
            String before = foreignSituation(source, oldValue, locale);
            String after = foreignSituation(source, newValue, locale);
            return new Words(before, after, (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        }
        String field = catalogue.find(code).map(Signal::field).orElse("");
        String detector = catalogue.find(code).map(Signal::detector).orElse("");
        if (oldValue == null && newValue == null) {
            return new Words(null, null, null);
        }
        if (BOOLEANS.contains(field)) {
            String sentence = flag(field, newValue, locale);
            return new Words(flag(field, oldValue, locale), sentence, sentence);
        }
        if (code.equals("ACCOUNTS_OVERDUE") || code.equals("ACCOUNTS_MISSING_TWO_YEARS")) {
            return overdue(oldValue, newValue, locale);
        }
        if (code.equals("DIRECTOR_LINKED_TO_BANKRUPTCY") || code.equals("DIRECTOR_LINKED_TO_HEALTHY_COMPANIES")) {
            String after = linked(newValue, locale);
            return new Words(null, after, after);
        }
        if (field.equals("governance.disqualifiedOfficers")) {
            String after = disqualified(newValue, locale);
            return new Words(null, after, after);
        }
        if (isSet(field) && !"turnover-in-window".equals(detector)) {
            return setChange(field, oldValue, newValue, locale);
        }
        String before = value(field, oldValue, locale);
        String after = value(field, newValue, locale);
        return new Words(before, after, (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
    }

    private static boolean isSet(String field) {
        return switch (field) {
            case "identity.commercialNames",
                    "identity.establishments",
                    "identity.secondaryActivities",
                    "identity.activityGroups",
                    "identity.charges",
                    "governance.officers",
                    "payment.incidents",
                    "legal.protests",
                    "legal.seizures",
                    "legal.socialSecuritySummons",
                    "legal.taxDebts",
                    "legal.judgments" -> true;
            default -> false;
        };
    }

    /** A list's members that came and went, one sentence each. */
    private Words setChange(String field, String oldValue, String newValue, Locale locale) {
        Set<String> before = members(oldValue, field);
        Set<String> after = members(newValue, field);
        List<String> sentences = new ArrayList<>();
        for (String member : after) {
            if (!before.contains(member)) {
                sentences.add(memberSentence(field, member, true, locale));
            }
        }
        for (String member : before) {
            if (!after.contains(member)) {
                sentences.add(memberSentence(field, member, false, locale));
            }
        }
        String text = sentences.isEmpty() ? msg("change.unchanged", locale) : String.join("; ", sentences);
        return new Words(list(field, before, locale), list(field, after, locale), text);
    }

    private String list(String field, Set<String> members, Locale locale) {
        if (members.isEmpty()) {
            return null;
        }
        List<String> words = new ArrayList<>();
        members.forEach(m -> words.add(member(field, m, locale)));
        return String.join("; ", words);
    }

    /** The members of a set as the event joined them: officers and incidents hold commas of their own. */
    private static Set<String> members(String value, String field) {
        Set<String> members = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return members;
        }
        if (PEOPLE.contains(field)) {
            // "Claes, Pieter (managing-director, P-10003), Van Damme, Els (director, P-10004)"
            Matcher m = Pattern.compile("(.+?\\([^()]*\\))(?:, |$)").matcher(value);
            while (m.find()) {
                members.add(m.group(1).trim());
            }
            return members;
        }
        if (field.equals("identity.charges")
                || field.startsWith("legal.")
                || field.equals("payment.incidents")
                || field.equals("identity.commercialNames")) {
            members.add(value.trim());
            return members;
        }
        for (String part : value.split(", ")) {
            if (!part.isBlank()) {
                members.add(part.trim());
            }
        }
        return members;
    }

    private String memberSentence(String field, String member, boolean added, Locale locale) {
        String suffix = added ? ".added" : ".removed";
        return switch (field) {
            case "governance.officers" -> {
                Matcher m = OFFICER.matcher(member);
                yield m.matches()
                        ? msg("change.officer" + suffix, locale, person(m.group(1)), role(m.group(2), locale))
                        : msg("change.member" + suffix, locale, member);
            }
            case "identity.establishments" -> msg("change.establishment" + suffix, locale, member);
            case "identity.activityGroups" ->
                msg("change.activityGroup" + suffix, locale, member(field, member, locale));
            case "identity.secondaryActivities" ->
                msg("change.activity" + suffix, locale, member(field, member, locale));
            case "identity.commercialNames" -> msg("change.commercialName" + suffix, locale, member);
            case "identity.charges" -> msg("change.charge" + suffix, locale, member(field, member, locale));
            default ->
                added
                        ? member(field, member, locale)
                        : msg("change.member.cleared", locale, member(field, member, locale));
        };
    }

    /** One member of a set, in words. */
    private String member(String field, String member, Locale locale) {
        switch (field) {
            case "governance.officers": {
                Matcher m = OFFICER.matcher(member);
                return m.matches() ? person(m.group(1)) + ", " + role(m.group(2), locale) : member;
            }
            case "identity.activityGroups":
                return codes.describe("kbo", "ActivityGroup", member, locale.getLanguage())
                        .orElse(member);
            case "identity.secondaryActivities":
                return nace(member, locale);
            case "identity.charges": {
                Matcher m = CHARGE.matcher(member);
                if (!m.matches()) {
                    return member;
                }
                String text =
                        msg("change.chargeNumber", locale, m.group(1)) + (m.group(2) == null ? "" : ": " + m.group(2));
                return m.group(3) == null ? text : msg("change.chargeHolder", locale, text, m.group(3));
            }
            case "payment.incidents",
                    "legal.protests",
                    "legal.seizures",
                    "legal.socialSecuritySummons",
                    "legal.taxDebts",
                    "legal.judgments":
                return incident(member, locale);
            default:
                return member;
        }
    }

    /** "2025-04-25 · 23250 · 64 d": the date, the amount, the days late. */
    private String incident(String member, Locale locale) {
        String[] parts = member.split(" · ");
        List<String> words = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (i == 0 && ISO_DAY.matcher(part).matches()) {
                words.add(ReaderFormats.isoDay(part, locale));
            } else if (part.endsWith(" d") && ReaderFormats.parseNumber(part.substring(0, part.length() - 2)) != null) {
                words.add(msg("change.daysLate", locale, part.substring(0, part.length() - 2)));
            } else if (ReaderFormats.parseNumber(part) != null) {
                words.add(ReaderFormats.amount(ReaderFormats.parseNumber(part), "EUR", locale));
            } else {
                words.add(part);
            }
        }
        return String.join(" · ", words);
    }

    /** A single value of a field, in words; null for none. */
    private String value(String field, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (AMOUNTS.contains(field)) {
            BigDecimal number = ReaderFormats.parseNumber(value);
            return number == null ? value : ReaderFormats.amount(number, "EUR", locale);
        }
        BigDecimal number = ReaderFormats.parseNumber(value);
        return switch (field) {
            case "scores.pd" -> number == null ? value : ReaderFormats.percent(number, locale);
            case "accounts.fte" -> number == null ? value : ReaderFormats.number(number, 1, 1, locale);
            case "accounts.currentRatio" -> number == null ? value : ReaderFormats.number(number, 2, 2, locale);
            case "payment.dbt", "internal.dbt", "internal.overdueDays" ->
                number == null ? value : msg("change.days", locale, value);
            case "scores.rating" -> "NR".equals(value) ? msg("change.notRated", locale) : value;
            case "scores.riskClass" -> msg("change.riskClass", locale, value);
            case "scores.paymentScore", "scores.growthScore", "scores.dissolutionScore", "scores.multiscore" ->
                number == null ? value : ReaderFormats.number(number, 0, 0, locale);
            case "identity.legalForm" -> kbo("JuridicalForm", value, locale);
            case "identity.mainActivity" -> {
                List<String> words = new ArrayList<>();
                for (String code : value.split(", ")) {
                    words.add(nace(code.trim(), locale));
                }
                yield String.join("; ", words);
            }
            case "identity.seatCountry" ->
                value.length() == 2 && value.equals(value.toUpperCase(Locale.ROOT))
                        ? Locale.of("", value).getDisplayCountry(locale)
                        : value;
            case "identity.seatStruckOff", "identity.startDate" -> day(value, locale);
            case "accounts.filing" ->
                ISO_DAY.matcher(value).matches() ? msg("change.periodEnded", locale, day(value, locale)) : value;
            case "accounts.auditorOpinion" -> messages.getMessage("companies.opinion." + value, null, value, locale);
            case "status.juridicalSituation" -> situation(value, locale);
            case "status.chStatus" -> messages.getMessage("change.ch." + value, null, value, locale);
            case "status.proceedings" -> messages.getMessage("change.proceedings." + value, null, value, locale);
            case "status.legalNotices" -> notice(value, locale);
            case "governance.managingDirector" -> person(value);
            case "governance.parent" -> related(value, locale);
            case "governance.officers" -> list(field, members(value, field), locale);
            default -> value;
        };
    }

    private String foreignSituation(String source, String value, Locale locale) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = source.equals("bodacc")
                ? switch (value) {
                    case "000" -> "change.proceedings.none";
                    case "091" -> "change.proceedings.redressement";
                    case "048" -> "change.proceedings.liquidation";
                    case "051" -> "change.proceedings.cloture-insuffisance";
                    case "111" -> "change.proceedings.radiation";
                    default -> null;
                }
                : switch (value) {
                    case "000" -> "change.ch.active";
                    case "012" -> "change.ch.liquidation";
                    case "091" -> "change.ch.voluntary-arrangement";
                    case "040" -> "change.ch.moratorium";
                    default -> "change.ch." + value;
                };
        return key == null ? situation(value, locale) : messages.getMessage(key, null, value, locale);
    }

    private String situation(String value, Locale locale) {
        if (value.length() == 3 && Character.isDigit(value.charAt(0))) {
            // KBO describes its codes in French and Dutch only: other readers, and a registry without the code table,
            // get ours
            String own = messages.getMessage("change.situation." + value, null, null, locale);
            boolean kboSpeaks =
                    locale.getLanguage().equals("fr") || locale.getLanguage().equals("nl");
            if (own != null && !kboSpeaks) {
                return own;
            }
            return codes.describe("kbo", "JuridicalSituation", value, locale.getLanguage())
                    .orElse(own == null ? value : own);
        }
        return messages.getMessage("change.ch." + value, null, value, locale);
    }

    private String kbo(String category, String code, Locale locale) {
        return codes.describe("kbo", category, code, locale.getLanguage()).orElse(code);
    }

    private String nace(String code, Locale locale) {
        String language = locale.getLanguage();
        return codes.describe("kbo", "Nace2025", code, language)
                .or(() -> codes.describe("kbo", "Nace2008", code, language))
                .map(d -> code + " " + d)
                .orElse(code);
    }

    private String day(String iso, Locale locale) {
        String day = ReaderFormats.isoDay(iso, locale);
        return day == null ? iso : day;
    }

    /** "BE 0312464516: BANKRUPTCY_OPENED": the related company and what happened to it. */
    private String related(String value, Locale locale) {
        Matcher m = RELATED.matcher(value);
        if (!m.matches()) {
            return value;
        }
        String label = catalogue
                .find(m.group(2))
                .map(s -> s.label(locale.getLanguage()).label())
                .orElse(m.group(2));
        return m.group(1) + ": " + label;
    }

    private String linked(String value, Locale locale) {
        if (value == null) {
            return null;
        }
        Matcher m = LINKED.matcher(value);
        if (!m.matches()) {
            return value;
        }
        return m.group(3) == null
                ? msg("change.linked.healthy", locale, person(m.group(1)), m.group(2))
                : msg("change.linked.bankrupt", locale, person(m.group(1)), m.group(2), day(m.group(3), locale));
    }

    private String disqualified(String value, Locale locale) {
        if (value == null) {
            return null;
        }
        Matcher m = DISQUALIFIED.matcher(value);
        return m.matches()
                ? msg(
                        "change.disqualified",
                        locale,
                        person(m.group(1)),
                        day(m.group(2), locale),
                        day(m.group(3), locale))
                : value;
    }

    private String notice(String value, Locale locale) {
        Matcher m = NOTICE.matcher(value);
        if (!m.matches()) {
            return value;
        }
        String type = msg("change.notice." + m.group(2), locale);
        if (m.group(3) != null) {
            return msg("change.notice.of", locale, type, m.group(1), m.group(3));
        }
        String kind = messages.getMessage("change.proceedings." + m.group(4), null, m.group(4), locale);
        return msg("change.notice", locale, type, m.group(1), kind, day(m.group(5), locale));
    }

    private Words overdue(String oldValue, String newValue, Locale locale) {
        Matcher last = oldValue == null ? null : LAST_FILED.matcher(oldValue);
        Matcher due = newValue == null ? null : DUE.matcher(newValue);
        String before =
                last != null && last.matches() ? msg("change.lastFiled", locale, day(last.group(1), locale)) : oldValue;
        String after = due != null && due.matches()
                ? msg("change.due", locale, day(due.group(1), locale), day(due.group(2), locale))
                : newValue;
        return new Words(before, after, (before == null ? "" : before + " · ") + (after == null ? "" : after));
    }

    private String flag(String field, String value, Locale locale) {
        if (value == null || !(value.equals("true") || value.equals("false"))) {
            return value;
        }
        return msg("change.flag." + field + "." + value, locale);
    }

    /** "Janssens, Jan" → "Jan Janssens"; a name without a comma is left as it is. */
    static String person(String name) {
        String trimmed = name.trim();
        int comma = trimmed.indexOf(", ");
        if (comma < 0 || trimmed.indexOf(", ", comma + 2) >= 0) {
            return trimmed;
        }
        return trimmed.substring(comma + 2) + " " + trimmed.substring(0, comma);
    }

    /** An officer's role (director, managing-director, secretary, ...) in the reader's language. */
    public String role(String role, Locale locale) {
        if (role == null) {
            return null;
        }
        return messages.getMessage("change.role." + role.trim(), null, role, locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
