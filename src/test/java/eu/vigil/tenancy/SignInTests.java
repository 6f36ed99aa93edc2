package eu.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.shared.Language;
import eu.vigil.support.SessionCookie;
import eu.vigil.support.TestData;
import eu.vigil.support.TestData.TestTenant;
import eu.vigil.support.VigilTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@VigilTest
class SignInTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserManagement users;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void signsInOverRealHttpWithANewSessionId() throws Exception {
        TestTenant tenant = data.tenant("Signin");
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String loginPage = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String sessionBefore = sessionId(cookies);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();

        String form = "email=" + URLEncoder.encode(tenant.admin().email(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/"));
        assertThat(sessionId(cookies))
                .as("session fixation protection")
                .isNotNull()
                .isNotEqualTo(sessionBefore);
        assertThat(TenantContext.callAs(
                        tenant.id(), () -> users.user(tenant.admin().id()).lastLoginAt()))
                .isNotNull();
    }

    private static String sessionId(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    @Test
    void aClientThatKeepsFailingWaitsWithTheSameMessageWhetherOrNotTheAccountExists() throws Exception {
        TestTenant tenant = data.tenant("Throttle");
        String known = tenant.admin().email();
        String unknown = "nobody-" + tenant.id() + "@nowhere.test";

        for (String email : new String[] {known, unknown}) {
            RequestPostProcessor address = freshAddress();
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(signIn(email, "wrong password", address, new MockHttpSession())
                                .getResponse()
                                .getRedirectedUrl())
                        .isEqualTo("/login?error");
            }
            assertThat(signIn(email, "wrong password", address, new MockHttpSession())
                            .getResponse()
                            .getRedirectedUrl())
                    .as("the fourth failure makes this client wait, for " + email)
                    .isEqualTo("/login?locked");
            if (email.equals(known)) {
                assertThat(signIn(known, TestData.PASSWORD, address, new MockHttpSession())
                                .getResponse()
                                .getRedirectedUrl())
                        .as("the failing client waits even with the right password")
                        .isEqualTo("/login?locked");
            }
        }
        assertThat(signIn(known, TestData.PASSWORD, freshAddress(), new MockHttpSession())
                        .getResponse()
                        .getRedirectedUrl())
                .as("the owner on another device is not held back")
                .isEqualTo("/");

        String waitPage = mvc.perform(get("/login").param("locked", ""))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(waitPage).contains("id=\"login-locked\"").doesNotContain(known);
    }

    @Test
    void failuresFromManyAddressesCannotLockTheOwnerOut() throws Exception {
        TestTenant tenant = data.tenant("Lockout");
        String victim = tenant.admin().email();
        for (int i = 0; i < 30; i++) {
            RequestPostProcessor attacker = freshAddress();
            for (int attempt = 0; attempt < 2; attempt++) {
                signIn(victim, "guess " + i + "-" + attempt, attacker, new MockHttpSession());
            }
        }
        assertThat(signIn(victim, TestData.PASSWORD, freshAddress(), new MockHttpSession())
                        .getResponse()
                        .getRedirectedUrl())
                .as("60 failures from 30 addresses, then the owner from an address that has not failed")
                .isEqualTo("/");
    }

    @Test
    void oneAddressTryingManyAccountsWaitsWhileOtherAddressesDoNot() throws Exception {
        TestTenant tenant = data.tenant("Spray");
        RequestPostProcessor address = freshAddress();
        String last = null;
        for (int i = 0; i < 21; i++) {
            last = signIn("spray-" + i + "@nowhere.test", "wrong password", address, new MockHttpSession())
                    .getResponse()
                    .getRedirectedUrl();
        }
        assertThat(last).isEqualTo("/login?locked");
        assertThat(signIn(tenant.admin().email(), TestData.PASSWORD, address, new MockHttpSession())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?locked");
        assertThat(signIn(tenant.admin().email(), TestData.PASSWORD, freshAddress(), new MockHttpSession())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/");
    }

    @Test
    void aForwardedForHeaderFromAPeerThatIsNoConfiguredProxyIsIgnored() throws Exception {
        String forged = "203.0.113." + (ADDRESSES.getAndIncrement() % 250 + 1);
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String loginPage = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "email=" + URLEncoder.encode("forged-" + forged + "@nowhere.test", StandardCharsets.UTF_8)
                + "&password=wrong&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);

        http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", forged)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(jdbc.queryForList(
                        "select throttle_key from login_throttle where throttle_key like ?",
                        String.class,
                        "client:%forged-" + forged + "%"))
                .as("the failure is counted against the real peer, not the forged header")
                .containsExactly("client:127.0.0.1 forged-" + forged + "@nowhere.test");
    }

    @Test
    void signingInWithAWrongPasswordTakesAsLongForInvitedDeactivatedAndUnknownAccountsAsForActiveOnes()
            throws Exception {
        TestTenant tenant = data.tenant("Timing");
        var active = data.member(tenant, Role.SALES, Language.EN);
        var leaver = data.member(tenant, Role.SALES, Language.EN);
        mvc.perform(post("/users/{id}/deactivate", leaver.id())
                .with(csrf())
                .with(user(tenant.admin().principal())));
        TenantContext.runAs(
                tenant.id(), () -> users.invite("invited-" + tenant.id() + "@member.test", Role.SALES, Language.EN));
        String invited = "invited-" + tenant.id() + "@member.test";
        String unknown = "nobody-" + tenant.id() + "@nowhere.test";

        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = 0; round < 9; round++) {
            for (String email : List.of(active.email(), leaver.email(), invited, unknown)) {
                long start = System.nanoTime();
                signIn(email, "wrong password " + round, freshAddress(), new MockHttpSession());
                times.computeIfAbsent(email, e -> new ArrayList<>()).add(System.nanoTime() - start);
            }
        }
        long activeMedian = median(times.get(active.email()));
        for (String email : List.of(leaver.email(), invited, unknown)) {
            assertThat(median(times.get(email)))
                    .as("median for " + email + " against " + activeMedian + " ns for an active account")
                    .isGreaterThan(activeMedian * 6 / 10);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void aDeactivatedPersonIsSignedOutAtOnceAndCannotSignInAgain() throws Exception {
        TestTenant tenant = data.tenant("Leaver");
        var leaver = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        SessionCookie session = new SessionCookie();
        session.keep(signIn(leaver.email(), TestData.PASSWORD, freshAddress(), new MockHttpSession()));
        assertThat(mvc.perform(get("/").with(session)).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        mvc.perform(post("/users/{id}/deactivate", leaver.id())
                .with(csrf())
                .with(user(tenant.admin().principal())));

        assertThat(mvc.perform(get("/").with(session)).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/login?expired");
        assertThat(signIn(leaver.email(), TestData.PASSWORD, freshAddress(), new MockHttpSession())
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        TestTenant tenant = data.tenant("Csrf");
        int status = mvc.perform(post("/users")
                        .param("email", "x@y.test")
                        .with(user(tenant.admin().principal())))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(403);
        assertThat(TenantContext.callAs(tenant.id(), () -> users.users())).hasSize(1);
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        var response = mvc.perform(get("/login")).andReturn().getResponse();
        assertThat(response.getHeader("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    private MvcResult signIn(String email, String password, RequestPostProcessor address, MockHttpSession session)
            throws Exception {
        return mvc.perform(post("/login")
                        .param("email", email)
                        .param("password", password)
                        .session(session)
                        .with(csrf())
                        .with(address))
                .andReturn();
    }

    private static RequestPostProcessor freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        String address = "10.77." + (n / 250) + "." + (n % 250 + 1);
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
