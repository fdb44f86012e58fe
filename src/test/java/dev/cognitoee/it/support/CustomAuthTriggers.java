package dev.cognitoee.it.support;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The Define, Create and Verify auth challenge triggers of a custom auth with two questions, as an application's
 * Lambdas would decide (the {@link LambdaRecorder} answers with them): question {@code n} ("Code word n?") has the
 * answer {@code answer-n}; two right answers issue tokens; three wrong ones fail the sign-in.
 */
public final class CustomAuthTriggers {

    /** How many right answers issue tokens. */
    public static final int QUESTIONS = 2;
    /** How many wrong answers fail the sign-in. */
    public static final int WRONG_ANSWERS_ALLOWED = 3;

    private CustomAuthTriggers() {
    }

    /** The right answer to question {@code n} (from 1). */
    public static String answer(int n) {
        return "answer-" + n;
    }

    /** Adds the trigger's decision to {@code response} when {@code event} is a custom-auth trigger's. */
    static void answer(JsonObject event, JsonObjectBuilder response) {
        JsonObject request = event.getJsonObject("request");
        switch (event.getString("triggerSource", "")) {
            case "DefineAuthChallenge_Authentication" -> {
                List<JsonObject> session = request.getJsonArray("session").getValuesAs(JsonObject.class);
                long right = session.stream().filter(c -> c.getBoolean("challengeResult", false)).count();
                boolean fail = session.size() - right >= WRONG_ANSWERS_ALLOWED;
                boolean tokens = !fail && right >= QUESTIONS;
                response.add("failAuthentication", fail).add("issueTokens", tokens);
                if (fail || tokens) {
                    response.add("challengeName", JsonValue.NULL);
                } else {
                    response.add("challengeName", "CUSTOM_CHALLENGE");
                }
            }
            case "CreateAuthChallenge_Authentication" -> {
                long right = request.getJsonArray("session").getValuesAs(JsonObject.class).stream()
                        .filter(c -> c.getBoolean("challengeResult", false)).count();
                int n = (int) right + 1;
                response.add("publicChallengeParameters", jakarta.json.Json.createObjectBuilder()
                                .add("question", "Code word " + n + "?"))
                        .add("privateChallengeParameters", jakarta.json.Json.createObjectBuilder()
                                .add("answer", answer(n)))
                        .add("challengeMetadata", "QUESTION-" + n);
            }
            case "VerifyAuthChallengeResponse_Authentication" -> response.add("answerCorrect",
                    request.getJsonObject("privateChallengeParameters").getString("answer", "")
                            .equals(request.getString("challengeAnswer", "")));
            default -> {
            }
        }
    }
}
