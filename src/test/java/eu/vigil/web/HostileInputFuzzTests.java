package eu.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.shared.Language;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import eu.vigil.tenancy.Role;
import eu.vigil.tenancy.TenantContext;
import eu.vigil.tenancy.VigilUser;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every endpoint of the portal and the API, found from the application's own request mappings (so a new
 * one is fuzzed without anyone listing it), receives in each of its form, query, JSON and file fields, one
 * at a time, the values an attacker or a careless script sends: a NUL byte, a 1 MB string, 1e300, a date
 * in the year 999,999,999, a CR/LF header injection. None may answer 500; a NUL in a form or query field
 * is a 400. The caller has the right role for each endpoint, and the ids in paths are real where we can.
 */
@VigilTest
class HostileInputFuzzTests {

    private static final String MEGABYTE = "r".repeat(1 << 20);

    /** label → value; numbers and dates also go into JSON as numbers where the field is numeric. */
    private static final Map<String, String> HOSTILE = new LinkedHashMap<>();

    static {
        HOSTILE.put("NUL", "a\u0000b");
        HOSTILE.put("1 MB", MEGABYTE);
        HOSTILE.put("1e300", "1e300");
        HOSTILE.put("-1e300", "-1e300");
        HOSTILE.put("year 999,999,999", "999999999-12-31");
        HOSTILE.put("instant in year 999,999,999", "+999999999-12-31T23:59:59Z");
        HOSTILE.put("CR/LF", "x\r\nX-Injected: yes");
        HOSTILE.put("NaN", "NaN");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private TestTenant tenant;
    private VigilUser platformAdmin;
    private final Map<String, String> ids = new LinkedHashMap<>();

    @Test
    void noFormQueryJsonOrFileFieldOfAnyEndpointAnswers500ToHostileValues() throws Exception {
        prepareRealTargets();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        List<Map.Entry<RequestMappingInfo, HandlerMethod>> endpoints =
                new ArrayList<>(mappings.getHandlerMethods().entrySet());
        // deleting comes last, so the other endpoints still find what they act on
        endpoints.sort(Comparator.comparing(e -> methodOf(e.getKey()) == HttpMethod.DELETE
                || e.getKey().toString().contains("delete")
                || e.getKey().toString().contains("remove")
                || e.getKey().toString().contains("revoke")));
        for (var endpoint : endpoints) {
            for (String pattern : endpoint.getKey().getPatternValues()) {
                if (pattern.startsWith("/error") || pattern.startsWith("/v3/") || pattern.startsWith("/swagger")) {
                    continue;
                }
                HttpMethod method = methodOf(endpoint.getKey());
                List<Field> fields = fieldsOf(endpoint.getValue());
                String path = fillPath(pattern, endpoint.getValue());
                for (Field field : fields) {
                    if (field.where.equals("json")) {
                        continue;
                    }
                    for (var hostile : HOSTILE.entrySet()) {
                        int status = send(method, path, fields, field, hostile.getValue(), endpoint.getKey());
                        requests++;
                        String what = method + " " + path + " " + field.where + " '" + field.name + "' = "
                                + hostile.getKey() + " → " + status;
                        if (status >= 500) {
                            failures.add(what);
                        }
                        boolean multipart = fields.stream().anyMatch(f -> f.where.equals("file"));
                        if (hostile.getKey().equals("NUL")
                                && field.where.equals("param")
                                && !multipart
                                && status != 400
                                && status != 403) {
                            failures.add(what + " (a NUL must be refused with 400)");
                        }
                    }
                }
            }
        }
        assertThat(requests).as("hostile requests sent").isGreaterThan(500);
        assertThat(failures).as("answers to hostile values").isEmpty();
    }

    @Test
    void theLoginAndResetFormsRefuseANulInTheEmailBeforeSignIn() throws Exception {
        for (String path : List.of("/login", "/password-reset")) {
            int status = mvc.perform(post(path)
                            .param("email", "a\u0000b@x.test")
                            .param("password", "whatever it is")
                            .with(csrf())
                            .with(r -> {
                                r.setRemoteAddr("10.94.0.1");
                                return r;
                            }))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(path).isEqualTo(400);
        }
    }

    @Test
    void theErrorPageAskedForDirectlyIsAPageThatDoesNotExist() throws Exception {
        assertThat(mvc.perform(get("/error")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    private void prepareRealTargets() throws Exception {
        tenant = data.tenant("Fuzz", Language.FR);
        ids.put("user", data.member(tenant, Role.SALES, Language.EN).id().toString());
        String created = mvc.perform(post("/api/v1/watchlists")
                        .header("Authorization", "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Fuzzed\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String watchlist = json.readTree(created).path("id").asString();
        ids.put("watchlist", watchlist);
        mvc.perform(post("/api/v1/watchlists/{id}/entries", watchlist)
                .header("Authorization", "Bearer " + tenant.apiKey())
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"number\":\"BE0403170701\",\"reference\":\"R1\"}]"));
        List<Long> entries =
                jdbc.queryForList("select id from watchlist_entry where watchlist_id = ?::uuid", Long.class, watchlist);
        ids.put("entry", entries.isEmpty() ? "1" : entries.getFirst().toString());
        String rule = mvc.perform(post("/api/v1/alert-rules")
                        .header("Authorization", "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Fuzz rule\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String ruleId = json.readTree(rule).path("id").asString("");
        if (ruleId.isEmpty()) {
            ruleId =
                    jdbc
                            .queryForList(
                                    "select id::text from alert_rule where tenant_id = ?", String.class, tenant.id())
                            .stream()
                            .findFirst()
                            .orElse(UUID.randomUUID().toString());
        }
        ids.put("rule", ruleId);
        ids.put(
                "company",
                jdbc
                        .queryForList(
                                "select number from company where country = 'BE' order by id limit 1", String.class)
                        .stream()
                        .findFirst()
                        .orElse("0403170701"));
        UUID adminId =
                jdbc.queryForObject("select id from app_user where email = ?", UUID.class, TestData.BOOTSTRAP_ADMIN);
        platformAdmin = new VigilUser(
                adminId,
                TenantContext.PLATFORM,
                TestData.BOOTSTRAP_ADMIN,
                "Platform admin",
                Role.PLATFORM_ADMIN,
                Language.EN,
                "Europe/Brussels",
                null);
    }

    private int send(
            HttpMethod method, String path, List<Field> fields, Field fuzzed, String hostile, RequestMappingInfo info)
            throws Exception {
        boolean multipart = fields.stream().anyMatch(f -> f.where.equals("file"));
        boolean jsonBody = fields.stream().anyMatch(f -> f.where.equals("json"));
        AbstractMockHttpServletRequestBuilder<?> request;
        if (multipart) {
            var upload = multipart(method, path);
            for (Field f : fields) {
                if (f.where.equals("file")) {
                    byte[] content =
                            (f == fuzzed ? hostile : "number\nBE0403170701\n").getBytes(StandardCharsets.UTF_8);
                    upload.file(new MockMultipartFile(f.name, "fuzz.csv", "text/csv", content));
                }
            }
            request = upload;
        } else {
            request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request(method, path);
        }
        for (Field f : fields) {
            if (f.where.equals("param")) {
                for (String value : f == fuzzed ? List.of(hostile) : defaultsFor(f, path)) {
                    request.param(f.name, value);
                }
            }
        }
        if (jsonBody) {
            Field body = fields.stream()
                    .filter(f -> f.where.equals("json"))
                    .findFirst()
                    .orElseThrow();
            request.contentType(MediaType.APPLICATION_JSON).content(body.jsonWith(fuzzed, hostile));
        } else if (!info.getConsumesCondition().getConsumableMediaTypes().isEmpty() && !multipart) {
            request.contentType(info.getConsumesCondition()
                    .getConsumableMediaTypes()
                    .iterator()
                    .next());
        }
        authenticate(request, path);
        request.with(r -> {
            r.setRemoteAddr("10.95." + (path.hashCode() & 0xff) + "." + (Math.abs(hostile.hashCode()) % 250 + 1));
            return r;
        });
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    /** Real values where a form names what it acts on, so the hostile value in another field is what gets judged. */
    private List<String> defaultsFor(Field field, String path) {
        return switch (field.name) {
            case "country" -> List.of("BE");
            case "number" -> List.of(ids.get("company"));
            case "id" -> path.contains("rules") ? List.of(ids.get("rule")) : field.defaults();
            case "until" -> List.of(LocalDate.now().plusDays(7).toString());
            default -> field.defaults();
        };
    }

    private void authenticate(AbstractMockHttpServletRequestBuilder<?> request, String path) {
        if (path.startsWith("/api/v1/admin")) {
            request.header("Authorization", "Bearer " + TestData.BOOTSTRAP_KEY);
        } else if (path.startsWith("/api/")) {
            request.header("Authorization", "Bearer " + tenant.apiKey());
        } else if (path.startsWith("/platform") || path.startsWith("/api-keys")) {
            request.with(user(platformAdmin)).with(csrf());
        } else {
            request.with(user(tenant.admin().principal())).with(csrf());
        }
    }

    private static HttpMethod methodOf(RequestMappingInfo info) {
        var methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty()
                ? HttpMethod.GET
                : HttpMethod.valueOf(methods.iterator().next().name());
    }

    private String fillPath(String pattern, HandlerMethod handler) {
        Matcher variable = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            Class<?> type = String.class;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                PathVariable annotation = parameter.getParameterAnnotation(PathVariable.class);
                if (annotation != null
                        && name.equals(
                                annotation.value().isEmpty()
                                        ? annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name()
                                        : annotation.value())) {
                    type = parameter.getParameterType();
                }
            }
            variable.appendReplacement(path, Matcher.quoteReplacement(realValue(pattern, name, type)));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private String realValue(String pattern, String name, Class<?> type) {
        if (name.equals("entryId")) {
            return ids.get("entry");
        }
        if (name.equals("country")) {
            return "BE";
        }
        if (name.equals("number")) {
            return ids.get("company");
        }
        if (name.equals("source")) {
            return "kbo";
        }
        if (type == UUID.class) {
            if (pattern.contains("watchlists")) {
                return ids.get("watchlist");
            }
            if (pattern.contains("rules") || pattern.contains("preferences")) {
                return ids.get("rule");
            }
            if (pattern.startsWith("/users")) {
                return ids.get("user");
            }
            return UUID.randomUUID().toString();
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "1";
        }
        return "fuzz-" + name;
    }

    private List<Field> fieldsOf(HandlerMethod handler) {
        List<Field> fields = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
                continue;
            }
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            RequestPart requestPart = parameter.getParameterAnnotation(RequestPart.class);
            if (MultipartFile.class.isAssignableFrom(type)) {
                String name = requestPart != null
                        ? requestPart.value()
                        : requestParam != null ? requestParam.value() : parameter.getParameterName();
                fields.add(new Field("file", name.isEmpty() ? parameter.getParameterName() : name, type, null));
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                fields.add(new Field("json", "body", type, parameter.getGenericParameterType()));
            } else if (requestParam != null) {
                if (Map.class.isAssignableFrom(type)) {
                    continue;
                }
                String name = !requestParam.value().isEmpty()
                        ? requestParam.value()
                        : !requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName();
                fields.add(new Field("param", name, type, parameter.getGenericParameterType()));
            } else if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    fields.add(
                            new Field("param", component.getName(), component.getType(), component.getGenericType()));
                }
            }
        }
        List<Field> expanded = new ArrayList<>(fields);
        for (Field body : fields) {
            if (body.where.equals("json")) {
                expanded.addAll(body.jsonLeaves());
            }
        }
        return expanded;
    }

    /** A field an endpoint reads: a query/form parameter, a file part, a JSON body, or a leaf inside that body. */
    private final class Field {
        final String where;
        final String name;
        final Class<?> type;
        final Type genericType;

        Field(String where, String name, Class<?> type, Type genericType) {
            this.where = where;
            this.name = name;
            this.type = type;
            this.genericType = genericType;
        }

        List<String> defaults() {
            return List.of(plainDefault(elementType()));
        }

        private Class<?> elementType() {
            if (Collection.class.isAssignableFrom(type)
                    && genericType instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
            return type;
        }

        /** Leaves of a JSON body, named by their path; a JsonNode body is a watchlist import of one entry. */
        List<Field> jsonLeaves() {
            List<Field> leaves = new ArrayList<>();
            if (JsonNode.class.isAssignableFrom(type)) {
                for (String key : List.of("number", "reference", "type", "creditLimit", "exposure", "owner", "tags")) {
                    leaves.add(new Field("json-leaf", "[0]." + key, String.class, String.class));
                }
                return leaves;
            }
            collect("", type, leaves);
            return leaves;
        }

        private void collect(String prefix, Class<?> recordType, List<Field> leaves) {
            if (!recordType.isRecord()) {
                return;
            }
            for (RecordComponent component : recordType.getRecordComponents()) {
                String path = prefix + component.getName();
                if (component.getType().isRecord()) {
                    collect(path + ".", component.getType(), leaves);
                } else {
                    leaves.add(new Field("json-leaf", path, component.getType(), component.getGenericType()));
                }
            }
        }

        String jsonWith(Field fuzzed, String hostile) throws Exception {
            if (JsonNode.class.isAssignableFrom(type)) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("number", "BE0403170701");
                entry.put("reference", "R2");
                if (fuzzed.where.equals("json-leaf")) {
                    entry.put(fuzzed.name.substring(4), fuzzed.name.endsWith("tags") ? List.of(hostile) : hostile);
                }
                return json.writeValueAsString(List.of(entry));
            }
            Object body = build("", type, fuzzed, hostile);
            return json.writeValueAsString(body);
        }

        private Object build(String prefix, Class<?> recordType, Field fuzzed, String hostile) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (RecordComponent component : recordType.getRecordComponents()) {
                String path = prefix + component.getName();
                if (component.getType().isRecord()) {
                    object.put(component.getName(), build(path + ".", component.getType(), fuzzed, hostile));
                } else if (fuzzed.name.equals(path)) {
                    object.put(component.getName(), jsonValue(component.getType(), hostile));
                } else {
                    object.put(component.getName(), null);
                }
            }
            return object;
        }

        private Object jsonValue(Class<?> target, String hostile) {
            Object value = hostile;
            boolean numeric =
                    Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class);
            if (numeric) {
                try {
                    value = new BigDecimal(hostile);
                } catch (NumberFormatException e) {
                    value = hostile;
                }
            }
            return Collection.class.isAssignableFrom(target) ? List.of(value) : value;
        }
    }

    private static String plainDefault(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "1";
        }
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (type == LocalDate.class) {
            return "2027-01-01";
        }
        if (type == Instant.class) {
            return "2027-01-01T00:00:00Z";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0].toString();
        }
        return "fuzz";
    }
}
