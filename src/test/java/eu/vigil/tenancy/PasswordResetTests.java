package eu.vigil.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import eu.vigil.embedded.CapturedMail;
import eu.vigil.support.MailBox;
import eu.vigil.support.TestData;
import eu.vigil.support.VigilTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@VigilTest
class PasswordResetTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    CapturedMail mail;

    @Test
    void aResetLinkInTheUsersLanguageSetsANewPasswordOnce() throws Exception {
        var tenant = data.tenant("Reset");
        var person = data.member(tenant, Role.SALES, Language.FR);

        String sent = mvc.perform(post("/password-reset").param("email", person.email().toUpperCase()).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(sent).contains("id=\"reset-sent\"");

        var message = MailBox.awaitOne(mail, person.email());
        assertThat(message.subject()).contains("Vigil");
        String link = MailBox.linkPath(message);

        assertThat(mvc.perform(post(link).param("password", "short").param("confirm", "short").with(csrf()))
                .andReturn().getResponse().getContentAsString()).contains("alert-danger");
        assertThat(mvc.perform(post(link).param("password", "a brand new passphrase").param("confirm", "a brand new passphrase").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?reset");
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getContentAsString()).contains("id=\"link-invalid\"");

        assertThat(mvc.perform(post("/login").param("email", person.email()).param("password", "a brand new passphrase")
                .with(csrf()).with(r -> {
                    r.setRemoteAddr("10.88.0.1");
                    return r;
                })).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID() + "@nowhere.test";
        String sent = mvc.perform(post("/password-reset").param("email", unknown).with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(sent).contains("id=\"reset-sent\"");
        // a reset mail leaves as its request ends: once a later request's mail has arrived, the first one's would have
        var known = data.member(data.tenant("Reset known"), Role.SALES, Language.EN);
        mvc.perform(post("/password-reset").param("email", known.email()).with(csrf()));
        MailBox.awaitOne(mail, known.email());
        assertThat(MailBox.all(mail, unknown)).isEmpty();
    }
}
