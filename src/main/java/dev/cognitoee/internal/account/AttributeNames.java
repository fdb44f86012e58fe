package dev.cognitoee.internal.account;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks the attribute names an application passes to the account API before anything goes to Cognito, so that a
 * missing or blank name is the same {@code INVALID_PARAMETER} that Cognito would answer, without a call (and without
 * a {@code NullPointerException} from the SDK). Which names exist is Cognito's to say.
 */
final class AttributeNames {

    private AttributeNames() {
    }

    /** {@code name}, when it is one. */
    static String require(String name) {
        if (name == null || name.isBlank()) {
            throw invalid("An attribute name is required");
        }
        return name;
    }

    /** {@code names}, when there is at least one and each is a name. */
    static List<String> require(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw invalid("At least one attribute name is required");
        }
        names.forEach(AttributeNames::require);
        return List.copyOf(names);
    }

    /** One attribute to update: a name and a value (removing an attribute is deleteUserAttributes's job). */
    static Map<String, String> single(String name, String value) {
        require(name);
        if (value == null) {
            throw invalid("A value is required for the attribute " + name);
        }
        return Map.of(name, value);
    }

    private static CognitoAuthException invalid(String message) {
        return new CognitoAuthException(AuthError.INVALID_PARAMETER, message);
    }
}
