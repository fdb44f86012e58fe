package dev.cognitoee.demo;

import dev.cognitoee.SignInStep;
import java.util.Arrays;

/** The sign-in steps the login page knows how to ask for. */
final class SignInSteps {

    private SignInSteps() {
    }

    /** {@code value} when it names a step of {@link SignInStep} other than DONE, else null. */
    static String known(String value) {
        return Arrays.stream(SignInStep.values())
                .filter(step -> step != SignInStep.DONE)
                .map(Enum::name)
                .filter(name -> name.equals(value))
                .findFirst().orElse(null);
    }
}
