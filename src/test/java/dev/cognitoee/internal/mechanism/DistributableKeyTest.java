package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A {@code <distributable/>} application needs {@code cognito.session-encryption-key}: whether web.xml makes it
 * distributable, and the deployment's failure when the key is missing.
 */
class DistributableKeyTest {

    private static final String WEB_APP = "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">";

    private static boolean declares(String webXml) throws IOException {
        return DistributableWebApp.declares(new ByteArrayInputStream(webXml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void webXmlWithDistributableIsDistributable() throws IOException {
        assertThat(declares(WEB_APP + "<display-name>shop</display-name><distributable/></web-app>")).isTrue();
        assertThat(declares("<?xml version=\"1.0\"?>\n<web-app><distributable></distributable></web-app>"))
                .as("no namespace").isTrue();
        assertThat(declares("<j:web-app xmlns:j=\"https://jakarta.ee/xml/ns/jakartaee\"><j:distributable/>"
                + "</j:web-app>")).as("a prefixed namespace").isTrue();
    }

    @Test
    void webXmlWithoutDistributableIsNot() throws IOException {
        assertThat(declares(WEB_APP + "<display-name>shop</display-name></web-app>")).isFalse();
        assertThat(declares(WEB_APP + "<servlet><distributable/></servlet></web-app>"))
                .as("only right under web-app counts").isFalse();
        assertThat(declares(WEB_APP + "<!-- <distributable/> --></web-app>")).as("a comment").isFalse();
        assertThat(declares("not xml")).as("malformed: the container refuses it itself").isFalse();
    }

    @Test
    void noExternalEntityOrDtdIsFetched() throws IOException {
        // Fetching either would fail (no such file or host) and the answer would be false.
        assertThat(declares("<?xml version=\"1.0\"?><!DOCTYPE web-app [<!ENTITY x SYSTEM \"file:///no/such/file\">]>"
                + "<web-app>&x;<distributable/></web-app>")).as("an external entity").isTrue();
        assertThat(declares("<?xml version=\"1.0\"?><!DOCTYPE web-app PUBLIC \"-//Sun Microsystems, Inc.//DTD Web "
                + "Application 2.3//EN\" \"http://no-such-host.invalid/web-app_2_3.dtd\"><web-app><distributable/>"
                + "</web-app>")).as("an old web.xml's DTD").isTrue();
    }

    @Test
    void aDistributableApplicationWithoutAKeyFailsNamingTheKey() {
        assertThatThrownBy(() -> SessionCookieInitializer.requireKeyWhenDistributable(false, true))
                .hasMessageContaining("cognito.session-encryption-key is missing: this application is "
                        + "<distributable/>");
        assertThatCode(() -> SessionCookieInitializer.requireKeyWhenDistributable(true, true))
                .doesNotThrowAnyException();
        assertThatCode(() -> SessionCookieInitializer.requireKeyWhenDistributable(false, false))
                .as("one node: a random key").doesNotThrowAnyException();
    }
}
