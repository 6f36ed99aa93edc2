package eu.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.support.SessionCookie;
import eu.vigil.support.TestData;
import eu.vigil.support.VigilTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** What an anonymous caller or a forged header could learn or inject: JVM versions, redirect hosts, line breaks in names. */
@VigilTest
class SmallLeaksTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @LocalServerPort
    int port;

    @Test
    void actuatorInfoShowsJvmAndOsVersionsToPlatformKeysOnly() throws Exception {
        String anonymous =
                mvc.perform(get("/actuator/info")).andReturn().getResponse().getContentAsString();
        assertThat(anonymous).contains("Vigil").doesNotContain("\"java\"").doesNotContain("\"os\"");
        String tenantKey = mvc.perform(get("/actuator/info")
                        .header("Authorization", "Bearer " + data.tenant("Info").apiKey()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(tenantKey).doesNotContain("\"java\"");
        String platform = mvc.perform(get("/actuator/info").header("Authorization", "Bearer " + TestData.BOOTSTRAP_KEY))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(platform).contains("\"java\"").contains("\"os\"");
    }

    @Test
    void redirectsNeverCarryTheHostOrForwardedHostAClientSent() throws Exception {
        String answer;
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /watchlists HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil2.example\r\n"
                            + "X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer)
                .startsWith("HTTP/1.1 302")
                .containsIgnoringCase("\nLocation: /login")
                .doesNotContain("evil.example")
                .doesNotContain("evil2.example");

        SessionCookie session = new SessionCookie();
        var tenant = data.tenant("Redirect");
        session.keep(mvc.perform(get("/watchlists").with(session).with(r -> {
                    r.setServerName("evil.example");
                    return r;
                }))
                .andReturn());
        String afterSignIn = mvc.perform(post("/login")
                        .with(session)
                        .with(csrf())
                        .with(r -> {
                            r.setServerName("evil.example");
                            r.setRemoteAddr("10.96.0.1");
                            return r;
                        })
                        .param("email", tenant.admin().email())
                        .param("password", TestData.PASSWORD))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(afterSignIn).startsWith("/watchlists").doesNotContain("evil.example");
    }

    @Test
    void aTenantNameWithALineBreakIsRefused() throws Exception {
        var response = mvc.perform(
                        post("/api/v1/admin/tenants")
                                .header("Authorization", "Bearer " + TestData.BOOTSTRAP_KEY)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\":\"Acme\\r\\nBcc: victim@example.com\",\"adminEmail\":\"crlf-admin@acme.test\"}"))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("one line");
    }
}
