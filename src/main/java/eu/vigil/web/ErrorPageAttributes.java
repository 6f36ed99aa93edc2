package eu.vigil.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/** The standard error attributes, plus the name of the field a 400 refused, for the error page to show. */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object field = request.getAttribute(HostileInput.REJECTED_FIELD, RequestAttributes.SCOPE_REQUEST);
        if (field != null) {
            attributes.put("field", field);
        }
        return attributes;
    }
}
