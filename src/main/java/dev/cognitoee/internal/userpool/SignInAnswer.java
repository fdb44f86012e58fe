package dev.cognitoee.internal.userpool;

import java.util.Map;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * Where a sign-in stands after Cognito's last answer, whichever flow led there: the tokens, or the next challenge.
 *
 * @param tokens              the tokens, or null while a challenge is pending
 * @param challengeName       the next challenge, or null
 * @param session             Cognito's session string for the challenge, or null
 * @param challengeParameters the challenge's parameters (empty when none)
 * @param username            the name Cognito knows the user by for the next steps: its {@code USER_ID_FOR_SRP}
 *                            when it gave one, else the name typed
 */
public record SignInAnswer(AuthenticationResultType tokens, String challengeName, String session,
                           Map<String, String> challengeParameters, String username) {

    public SignInAnswer {
        challengeParameters = Map.copyOf(challengeParameters);
    }

    /** The answer to InitiateAuth, for a user who typed {@code typedUsername}. */
    public static SignInAnswer of(InitiateAuthResponse response, String typedUsername) {
        Map<String, String> parameters = response.challengeParameters();
        return new SignInAnswer(response.authenticationResult(), response.challengeNameAsString(), response.session(),
                parameters, parameters.getOrDefault("USER_ID_FOR_SRP", typedUsername));
    }

    /** The answer to RespondToAuthChallenge, for the user Cognito knows as {@code username}. */
    static SignInAnswer of(RespondToAuthChallengeResponse response, String username) {
        Map<String, String> parameters = response.challengeParameters();
        return new SignInAnswer(response.authenticationResult(), response.challengeNameAsString(), response.session(),
                parameters, parameters.getOrDefault("USER_ID_FOR_SRP", username));
    }

    @Override
    public String toString() {
        return "SignInAnswer[" + username + ", " + (tokens != null ? "tokens" : challengeName) + "]";
    }
}
