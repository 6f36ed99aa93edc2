package eu.vigil.audit.web;

import eu.vigil.audit.AuditEntry;
import eu.vigil.audit.AuditLog;
import eu.vigil.tenancy.VigilUser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * An audit entry's detail in the reader's language: roles by their names, a role change as a sentence, the arguments of
 * an action's wording ({@code audit.detail.<action>}); templates call it as {@code @auditWords}.
 */
@Component
class AuditWords {

    private final MessageSource messages;

    AuditWords(MessageSource messages) {
        this.messages = messages;
    }

    public String detail(AuditEntry entry) {
        String detail = entry.detail();
        if (detail == null || detail.isBlank()) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        Object[] args = switch (entry.action()) {
            // written before the audit log stored arguments: "CREDIT_MANAGER → SALES", "SALES", "locked"
            case "UserRoleChanged" ->
                Arrays.stream(detail.split(" → "))
                        .map(role -> role(role.strip(), locale))
                        .toArray();
            case "UserInvited" -> new Object[] {role(detail.strip(), locale)};
            default ->
                Arrays.stream(detail.split(AuditLog.DETAIL_SEPARATOR, -1))
                        .map(arg -> moment(arg, locale))
                        .toArray();
        };
        try {
            return messages.getMessage("audit.detail." + entry.action(), args, locale);
        } catch (NoSuchMessageException e) {
            return String.join(", ", Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    /** A moment (an ISO instant, as a silence's end is stored) as a date and time where the reader lives; anything else as it is. */
    private static String moment(String arg, Locale locale) {
        try {
            Instant instant = Instant.parse(arg);
            ZoneId zone = SecurityContextHolder.getContext().getAuthentication() != null
                            && SecurityContextHolder.getContext()
                                            .getAuthentication()
                                            .getPrincipal()
                                    instanceof VigilUser user
                    ? user.zoneId()
                    : ZoneId.of("Europe/Brussels");
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(locale)
                    .withZone(zone)
                    .format(instant);
        } catch (DateTimeParseException e) {
            return arg;
        }
    }

    private String role(String role, Locale locale) {
        return messages.getMessage("role." + role, null, role, locale);
    }
}
