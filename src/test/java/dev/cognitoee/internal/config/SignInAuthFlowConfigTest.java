package dev.cognitoee.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The key cognito.sign-in.auth-flow: which Cognito flow a password sign-in uses. */
class SignInAuthFlowConfigTest {

    private final Map<String, String> settings = new HashMap<>(Map.of(
            "cognito.user-pool-id", "eu-west-1_AbC123",
            "cognito.client-id", "4f1abc"));

    @CognitoAuthenticationMechanismDefinition(signInAuthFlow = "USER_SRP_AUTH")
    static class Annotated {
    }

    @Test
    void isUserPasswordAuthByDefault() throws Exception {
        assertThat(read().signInAuthFlow()).isEqualTo(SignInAuthFlow.USER_PASSWORD_AUTH);
    }

    @Test
    void readsBothOfCognitosFlowNames() throws Exception {
        settings.put("cognito.sign-in.auth-flow", "USER_SRP_AUTH");
        assertThat(read().signInAuthFlow()).isEqualTo(SignInAuthFlow.USER_SRP_AUTH);
        settings.put("cognito.sign-in.auth-flow", " USER_PASSWORD_AUTH ");
        assertThat(read().signInAuthFlow()).isEqualTo(SignInAuthFlow.USER_PASSWORD_AUTH);
    }

    /** Cognito's names are exact; a flow the module does not sign in with (CUSTOM_AUTH, USER_AUTH) is refused too. */
    @Test
    void anyOtherValueFailsTheDeploymentNamingTheKey() {
        for (String value : List.of("srp", "user_srp_auth", "CUSTOM_AUTH", "USER_AUTH", "DEVICE_SRP_AUTH")) {
            settings.put("cognito.sign-in.auth-flow", value);
            assertThat(problems()).containsExactly("cognito.sign-in.auth-flow '" + value
                    + "' must be 'USER_PASSWORD_AUTH' or 'USER_SRP_AUTH'");
        }
    }

    @Test
    void theAnnotationSetsIt() throws Exception {
        Map<String, String> fromAnnotation = AnnotationSettings.attributes(Annotated.class.getAnnotation(
                CognitoAuthenticationMechanismDefinition.class));
        assertThat(fromAnnotation).containsExactlyEntriesOf(Map.of("cognito.sign-in.auth-flow", "USER_SRP_AUTH"));
        settings.putAll(fromAnnotation);
        assertThat(read().signInAuthFlow()).isEqualTo(SignInAuthFlow.USER_SRP_AUTH);
    }

    private CognitoConfig read() throws InvalidConfigurationException {
        return CognitoConfigReader.read(key -> Optional.ofNullable(settings.get(key)));
    }

    private List<String> problems() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(this::read);
        assertThat(thrown).isInstanceOf(InvalidConfigurationException.class);
        return ((InvalidConfigurationException) thrown).problems();
    }
}
