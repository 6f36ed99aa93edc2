package eu.vigil.receivables;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.support.TestData.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Posts loads to the receivables API as an ERP would, and hands out company numbers no other test uses. */
final class LedgerApi {

    private static final AtomicLong NEXT = new AtomicLong(7_300_000);

    private LedgerApi() {}

    /** A fresh valid Belgian enterprise number. */
    static String number() {
        long first8 = NEXT.incrementAndGet();
        return "%08d%02d".formatted(first8, 97 - first8 % 97);
    }

    /** An item as JSON; null fields are left out. */
    static String item(
            String documentNumber,
            String customer,
            String type,
            String documentDate,
            String dueDate,
            String amount,
            String paidDate) {
        List<String> fields = new ArrayList<>();
        add(fields, "documentNumber", documentNumber);
        add(fields, "customer", customer);
        add(fields, "type", type);
        add(fields, "documentDate", documentDate);
        add(fields, "dueDate", dueDate);
        add(fields, "amount", amount);
        add(fields, "paidDate", paidDate);
        return "{" + String.join(",", fields) + "}";
    }

    static MvcResult load(MockMvc mvc, TestTenant tenant, String mode, String asOf, String... items) throws Exception {
        String body =
                "{\"mode\":\"" + mode + "\",\"asOf\":\"" + asOf + "\",\"items\":[" + String.join(",", items) + "]}";
        return mvc.perform(post("/api/v1/receivables/items")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + tenant.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.getBytes(StandardCharsets.UTF_8)))
                .andReturn();
    }

    private static void add(List<String> fields, String name, String value) {
        if (value != null) {
            fields.add("\"" + name + "\":\"" + value.replace("\"", "\\\"") + "\"");
        }
    }
}
