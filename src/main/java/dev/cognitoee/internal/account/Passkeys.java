package dev.cognitoee.internal.account;

import dev.cognitoee.AuthError;
import dev.cognitoee.CognitoAuthException;
import dev.cognitoee.ListWebAuthnCredentialsResult;
import dev.cognitoee.WebAuthnCredential;
import dev.cognitoee.internal.json.JsonFactories;
import dev.cognitoee.internal.userpool.JsonDocuments;
import dev.cognitoee.internal.userpool.UserPoolClient;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.util.List;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;

/**
 * The user's passkeys (Amplify's {@code associateWebAuthnCredential}, {@code listWebAuthnCredentials},
 * {@code deleteWebAuthnCredential}), for the caller whose access token is given. What the browser sends is bounded
 * and checked for shape here, before Cognito sees it: a client's mistake is {@code INVALID_PARAMETER}, never a call.
 */
final class Passkeys {

    /** Far above a registration response with an attestation certificate chain (a few KB), far below harm. */
    static final int MAX_CREDENTIAL_CHARS = 32 * 1024;
    /** Cognito's bound for ListWebAuthnCredentials' MaxResults. */
    static final int MAX_PAGE_SIZE = 20;
    /** A WebAuthn credential id is at most 1023 bytes: 1364 base64url characters. */
    static final int MAX_CREDENTIAL_ID_CHARS = 1364;
    /** Pagination tokens are Cognito's; this only keeps junk of any size from being relayed. */
    static final int MAX_NEXT_TOKEN_CHARS = 4096;

    private final UserPoolClient userPool;

    Passkeys(UserPoolClient userPool) {
        this.userPool = userPool;
    }

    /** The JSON text of Cognito's {@code CredentialCreationOptions}, for {@code navigator.credentials.create}. */
    String startRegistration(String accessToken) {
        return JsonDocuments.toJsonObject(userPool.startWebAuthnRegistration(accessToken)).toString();
    }

    /** Relays the browser's new credential (its WebAuthn JSON form) for Cognito to verify and keep. */
    void completeRegistration(String accessToken, String credentialJson) {
        userPool.completeWebAuthnRegistration(accessToken, JsonDocuments.toDocument(registrationResponse(
                credentialJson)));
    }

    ListWebAuthnCredentialsResult list(String accessToken, Integer pageSize, String nextToken) {
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            throw invalid("The page size must be 1 to " + MAX_PAGE_SIZE);
        }
        if (nextToken != null && (nextToken.isBlank() || nextToken.length() > MAX_NEXT_TOKEN_CHARS)) {
            throw invalid("The page token is not valid");
        }
        ListWebAuthnCredentialsResponse page = userPool.listWebAuthnCredentials(accessToken, pageSize, nextToken);
        return new ListWebAuthnCredentialsResult(page.credentials().stream().map(Passkeys::credential).toList(),
                page.nextToken()); // toList(): unmodifiable
    }

    void delete(String accessToken, String credentialId) {
        if (credentialId == null || credentialId.isBlank() || credentialId.length() > MAX_CREDENTIAL_ID_CHARS) {
            throw invalid("A passkey's id is needed");
        }
        try {
            userPool.deleteWebAuthnCredential(accessToken, credentialId);
        } catch (CognitoAuthException e) {
            if ("ResourceNotFoundException".equals(e.cognitoErrorCode())) {
                throw new CognitoAuthException(AuthError.WEBAUTHN_CREDENTIAL_NOT_FOUND, e.cognitoErrorCode(),
                        "There is no such passkey.", e);
            }
            throw e;
        }
    }

    /**
     * {@code json} as a WebAuthn registration response in its JSON form ({@code PublicKeyCredential.toJSON()}):
     * an object with the credential's {@code id} and a {@code response} holding {@code clientDataJSON} and
     * {@code attestationObject}. Everything else is Cognito's to judge.
     */
    static JsonObject registrationResponse(String json) {
        if (json == null || json.isBlank()) {
            throw invalid("The passkey is missing");
        }
        if (json.length() > MAX_CREDENTIAL_CHARS) {
            throw invalid("The passkey is too large");
        }
        JsonValue value;
        try (JsonParser parser = JsonFactories.parser(json)) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) { // a reader would take the first value and ignore what follows
                throw invalid("The passkey is not valid JSON");
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) { // the text is the client's
            throw invalid("The passkey is not valid JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("The passkey must be a JSON object");
        }
        JsonObject credential = value.asJsonObject();
        JsonValue response = credential.get("response");
        if (!isString(credential.get("id")) || response == null
                || response.getValueType() != JsonValue.ValueType.OBJECT
                || !isString(response.asJsonObject().get("clientDataJSON"))
                || !isString(response.asJsonObject().get("attestationObject"))) {
            throw invalid("The passkey must have an id and a response with clientDataJSON and attestationObject");
        }
        return credential;
    }

    private static boolean isString(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.STRING;
    }

    private static WebAuthnCredential credential(WebAuthnCredentialDescription description) {
        return new WebAuthnCredential(description.credentialId(), description.friendlyCredentialName(),
                description.relyingPartyId(), description.authenticatorAttachment(),
                List.copyOf(description.authenticatorTransports()), description.createdAt());
    }

    private static CognitoAuthException invalid(String message) {
        return new CognitoAuthException(AuthError.INVALID_PARAMETER, message);
    }
}
