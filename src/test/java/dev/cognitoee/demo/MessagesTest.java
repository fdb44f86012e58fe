package dev.cognitoee.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.AuthError;
import org.junit.jupiter.api.Test;

/** The pages say something for the codes they know, and never repeat what a link put in their URL. */
class MessagesTest {

    @Test
    void everyAuthErrorHasAText() {
        for (AuthError error : AuthError.values()) {
            assertThat(Messages.error(error.name())).as(error.name()).isNotBlank();
        }
        assertThat(Messages.error("NOT_AUTHORIZED")).isEqualTo("Incorrect username or password.");
    }

    @Test
    void unknownCodesSayNothing() {
        assertThat(Messages.error(null)).isNull();
        assertThat(Messages.error("<script>alert(1)</script>")).isNull();
        assertThat(Messages.notice("Your account was deleted, call 555-0100")).isNull();
        assertThat(Messages.notice("signed-out")).isEqualTo("You are signed out.");
    }

    @Test
    void onlyStepsThePageCanAskForAreKnown() {
        assertThat(SignInSteps.known("CONFIRM_SIGN_IN_WITH_TOTP_CODE")).isEqualTo("CONFIRM_SIGN_IN_WITH_TOTP_CODE");
        assertThat(SignInSteps.known("DONE")).isNull();
        assertThat(SignInSteps.known("\"><script>")).isNull();
        assertThat(SignInSteps.known(null)).isNull();
    }
}
