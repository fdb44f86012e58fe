package dev.cognitoee.internal.mechanism;

import dev.cognitoee.AuthError;
import dev.cognitoee.CodeDeliveryDetails;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.SignInNextStep;
import dev.cognitoee.SignInResult;
import dev.cognitoee.internal.json.JsonFactories;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The JSON answers of {@code j_security_check} and their HTTP statuses. */
final class SignInResponses {

    /** How long a throttled or Cognito-less client should wait: about the time Cognito's own throttling lasts. */
    static final String RETRY_AFTER_SECONDS = "5";

    private SignInResponses() {
    }

    static JsonObject result(SignInResult result) {
        return JsonFactories.objectBuilder()
                .add("isSignedIn", result.isSignedIn())
                .add("nextStep", nextStep(result.nextStep()))
                .build();
    }

    static JsonObject error(AuthError error, String message) {
        return JsonFactories.objectBuilder().add("error", error.name()).add("message", message).build();
    }

    /** 401 for bad credentials, 429 for throttling, 503 when Cognito is down, 400 for the rest. */
    static int status(CognitoAuthException failure) {
        return switch (failure.error()) {
            case NOT_AUTHORIZED, USER_NOT_FOUND -> HttpServletResponse.SC_UNAUTHORIZED;
            case TOO_MANY_REQUESTS, LIMIT_EXCEEDED, TOO_MANY_FAILED_ATTEMPTS -> 429;
            case SERVICE_UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            default -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }

    /**
     * Whether the whole service asks the client to come back later (throttled, or Cognito unreachable), rather than
     * this user being told something (a wrong password, a lockout of this account) on the application's error page.
     */
    static boolean isTryAgainLater(CognitoAuthException failure) {
        return failure.error() == AuthError.TOO_MANY_REQUESTS || failure.error() == AuthError.SERVICE_UNAVAILABLE;
    }

    /** 403 for a sign-in posted from another origin: JSON for JSON clients, a line of text for a form. */
    static void refuseCrossOrigin(HttpServletResponse response, boolean json) {
        String message = "Sign-in refused: it was posted from a page of another origin.";
        if (json) {
            write(response, HttpServletResponse.SC_FORBIDDEN, JsonFactories.objectBuilder()
                    .add("error", "CROSS_ORIGIN_REQUEST").add("message", message).build());
        } else {
            writeText(response, HttpServletResponse.SC_FORBIDDEN, message);
        }
    }

    /** 429 or 503 for a form sign-in, with {@code Retry-After}. */
    static void writeTryAgainLater(HttpServletResponse response, int status) {
        writeText(response, status, status == 429 ? "Too many sign-ins at once; try again in a few seconds."
                : "The sign-in service cannot be reached; try again in a few seconds.");
    }

    private static void writeText(HttpServletResponse response, int status, String message) {
        prepare(response, status, "text/plain");
        try {
            response.getWriter().write(message);
        } catch (IOException e) {
            // the client went away
        }
    }

    static void write(HttpServletResponse response, int status, JsonObject body) {
        prepare(response, status, "application/json");
        try {
            response.getWriter().write(body.toString());
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void prepare(HttpServletResponse response, int status, String contentType) {
        response.setStatus(status);
        if (status == 429 || status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        }
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
    }

    private static JsonObjectBuilder nextStep(SignInNextStep step) {
        JsonObjectBuilder json = JsonFactories.objectBuilder().add("signInStep", step.signInStep().name());
        CodeDeliveryDetails delivery = step.codeDeliveryDetails();
        if (delivery != null) {
            JsonObjectBuilder details = JsonFactories.objectBuilder();
            if (delivery.destination() != null) {
                details.add("destination", delivery.destination());
            }
            if (delivery.deliveryMedium() != null) {
                details.add("deliveryMedium", delivery.deliveryMedium());
            }
            json.add("codeDeliveryDetails", details);
        }
        if (!step.allowedMfaTypes().isEmpty()) {
            json.add("allowedMFATypes", JsonFactories.arrayBuilder(step.allowedMfaTypes()));
        }
        if (!step.missingAttributes().isEmpty()) {
            json.add("missingAttributes", JsonFactories.arrayBuilder(step.missingAttributes()));
        }
        if (step.totpSetupDetails() != null) {
            json.add("totpSetupDetails", JsonFactories.objectBuilder()
                    .add("sharedSecret", step.totpSetupDetails().sharedSecret())
                    .add("setupUri", step.totpSetupDetails().setupUri()));
        }
        if (!step.additionalInfo().isEmpty()) {
            JsonObjectBuilder info = JsonFactories.objectBuilder();
            step.additionalInfo().forEach(info::add);
            json.add("additionalInfo", info);
        }
        return json;
    }
}
