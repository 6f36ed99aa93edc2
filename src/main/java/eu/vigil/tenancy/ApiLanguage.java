package eu.vigil.tenancy;

import eu.vigil.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/** The language of an API answer (labels, problem details): the first of Vigil's in Accept-Language, else the key's tenant's. */
@Component
public class ApiLanguage {

    private final TenantManagement tenants;

    ApiLanguage(TenantManagement tenants) {
        this.tenants = tenants;
    }

    public Language of(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    var language = Language.fromCode(range.getRange());
                    if (language.isPresent()) {
                        return language.get();
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // an unreadable header counts as none
            }
        }
        return TenantContext.current()
                .flatMap(tenants::tenant)
                .map(TenantView::language)
                .orElse(Language.EN);
    }
}
