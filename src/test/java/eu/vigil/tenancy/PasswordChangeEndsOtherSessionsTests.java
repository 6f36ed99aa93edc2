package eu.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.vigil.embedded.CapturedMail;
import eu.vigil.shared.Language;
import eu.vigil.support.MailBox;
import eu.vigil.support.SessionCookie;
import eu.vigil.support.TestData;
import eu.vigil.support.VigilTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person is signed in on two devices (one of them perhaps stolen). Changing the password on one, or
 * completing a reset, ends the session on the other; the device that changed it stays signed in.
 */
@VigilTest
class PasswordChangeEndsOtherSessionsTests {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    CapturedMail mail;

    @Test
    void changingThePasswordEndsEveryOtherSessionAndKeepsThisOne() throws Exception {
        var tenant = data.tenant("Stolen");
        var person = data.member(tenant, Role.CREDIT_MANAGER, Language.EN);
        SessionCookie laptop = signIn(person.email(), TestData.PASSWORD);
        SessionCookie stolenPhone = signIn(person.email(), TestData.PASSWORD);
        assertThat(status(stolenPhone)).isEqualTo(200);

        var changed = laptop.keep(mvc.perform(post("/profile/password")
                                .with(laptop)
                                .with(csrf())
                                .param("currentPassword", TestData.PASSWORD)
                                .param("newPassword", "a fresh passphrase here")
                                .param("confirm", "a fresh passphrase here"))
                        .andReturn())
                .getResponse();
        assertThat(changed.getRedirectedUrl()).isEqualTo("/profile");

        assertThat(mvc.perform(get("/").with(stolenPhone))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
        assertThat(status(laptop))
                .as("the session that changed the password carries on")
                .isEqualTo(200);
        assertThat(status(signIn(person.email(), "a fresh passphrase here"))).isEqualTo(200);
    }

    @Test
    void completingAPasswordResetEndsEverySession() throws Exception {
        var tenant = data.tenant("Forgot");
        var person = data.member(tenant, Role.SALES, Language.NL);
        SessionCookie oldSession = signIn(person.email(), TestData.PASSWORD);
        assertThat(status(oldSession)).isEqualTo(200);

        mvc.perform(post("/password-reset")
                .param("email", person.email())
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr("10.91.0." + ADDRESSES.getAndIncrement());
                    return r;
                }));
        String link = MailBox.linkPath(MailBox.awaitOne(mail, person.email()));
        assertThat(mvc.perform(post(link)
                                .param("password", "another passphrase")
                                .param("confirm", "another passphrase")
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?reset");

        assertThat(mvc.perform(get("/").with(oldSession))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
    }

    private SessionCookie signIn(String email, String password) throws Exception {
        SessionCookie session = new SessionCookie();
        String address = "10.92." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
        var response = session.keep(mvc.perform(post("/login")
                        .param("email", email)
                        .param("password", password)
                        .with(session)
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr(address);
                            return r;
                        }))
                .andReturn());
        assertThat(response.getResponse().getRedirectedUrl()).isEqualTo("/");
        return session;
    }

    private int status(SessionCookie session) throws Exception {
        return session.keep(mvc.perform(get("/").with(session)).andReturn())
                .getResponse()
                .getStatus();
    }
}
