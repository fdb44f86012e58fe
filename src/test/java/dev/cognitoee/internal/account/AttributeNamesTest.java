package dev.cognitoee.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.UpdateUserAttributeResult;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AttributeNamesTest {

    private static void invalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CognitoAuthException.class,
                e -> assertThat(e.error()).isEqualTo(AuthError.INVALID_PARAMETER));
    }

    @Test
    void aNameIsAcceptedAsItIs() {
        assertThat(AttributeNames.require("custom:team")).isEqualTo("custom:team");
        assertThat(AttributeNames.require(List.of("given_name", "custom:team")))
                .containsExactly("given_name", "custom:team");
        assertThat(AttributeNames.single("email", "new@example.com")).isEqualTo(Map.of("email", "new@example.com"));
    }

    @Test
    void aMissingOrBlankNameIsInvalidParameter() {
        invalid(() -> AttributeNames.require((String) null));
        invalid(() -> AttributeNames.require(""));
        invalid(() -> AttributeNames.require("  "));
        invalid(() -> AttributeNames.require(List.of()));
        invalid(() -> AttributeNames.require((List<String>) null));
        invalid(() -> AttributeNames.require(Arrays.asList("given_name", null)));
        invalid(() -> AttributeNames.require(List.of("given_name", " ")));
        invalid(() -> AttributeNames.single("", "x"));
        invalid(() -> AttributeNames.single("email", null));
    }

    @Test
    void theNextStepOfAnAttributeFollowsWhetherItIsUpdated() {
        assertThat(new UpdateUserAttributeResult(true, null).updateAttributeStep())
                .isEqualTo(UpdateUserAttributeResult.Step.DONE);
        assertThat(new UpdateUserAttributeResult(false, null).updateAttributeStep())
                .isEqualTo(UpdateUserAttributeResult.Step.CONFIRM_ATTRIBUTE_WITH_CODE);
    }
}
