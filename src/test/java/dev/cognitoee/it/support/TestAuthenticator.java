package dev.cognitoee.it.support;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A software passkey authenticator for tests, as a browser and platform authenticator together: a P-256 key made
 * with the JDK, a random credential id, and the WebAuthn JSON forms ({@code PublicKeyCredential.toJSON()}) of a
 * registration (attestation format {@code none}) and of an assertion (ES256 signature over authenticator data and
 * the client data's hash), built with webauthn4j's encoders. What it signs is what the options and the arguments
 * say, so a test can make a forgery: another challenge, origin or rpId, no user verification.
 */
public final class TestAuthenticator {

    private static final byte UP = AuthenticatorData.BIT_UP;
    private static final byte UV = AuthenticatorData.BIT_UV;
    private static final byte AT = AuthenticatorData.BIT_AT;

    private final ObjectConverter converter = new ObjectConverter();
    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private long signCount;
    private boolean userVerified = true;

    public TestAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    /** The credential id, base64url, as ListWebAuthnCredentials shows it. */
    public String credentialId() {
        return base64Url(credentialId);
    }

    /** From now on, the authenticator says it did not verify the user (the UV flag is off). */
    public TestAuthenticator withoutUserVerification() {
        userVerified = false;
        return this;
    }

    /** Sets the sign count the next assertion carries (a cloned authenticator reuses an old one). */
    public TestAuthenticator signCount(long count) {
        signCount = count;
        return this;
    }

    /** The registration response for {@code creationOptions} (JSON text), made on a page of {@code origin}. */
    public String register(String creationOptions, String origin) {
        JsonObject options = Json.createReader(new StringReader(creationOptions)).readObject();
        return register(options.getJsonObject("rp").getString("id"), options.getString("challenge"), origin);
    }

    /** A registration response for relying party {@code rpId} and {@code challenge} (base64url), at {@code origin}. */
    public String register(String rpId, String challenge, String origin) {
        byte[] clientData = clientData("webauthn.create", challenge, origin);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(sha256(rpId),
                (byte) (UP | (userVerified ? UV : 0) | AT), 0, new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256)));
        byte[] attestation = new AttestationObjectConverter(converter).convertToBytes(
                new AttestationObject(data, new NoneAttestationStatement()));
        return credential(Json.createObjectBuilder()
                .add("clientDataJSON", base64Url(clientData))
                .add("attestationObject", base64Url(attestation))
                .add("transports", Json.createArrayBuilder().add("internal")));
    }

    /** The assertion for {@code requestOptions} (Cognito's CREDENTIAL_REQUEST_OPTIONS), at {@code origin}. */
    public String authenticate(String requestOptions, String origin) {
        JsonObject options = Json.createReader(new StringReader(requestOptions)).readObject();
        return authenticate(options.getString("rpId"), options.getString("challenge"), origin);
    }

    /** An assertion for relying party {@code rpId} and {@code challenge} (base64url), at {@code origin}. */
    public String authenticate(String rpId, String challenge, String origin) {
        signCount++;
        byte[] clientData = clientData("webauthn.get", challenge, origin);
        byte[] data = new AuthenticatorDataConverter(converter).convert(
                new AuthenticatorData<AuthenticationExtensionAuthenticatorOutput>(sha256(rpId),
                        (byte) (UP | (userVerified ? UV : 0)), signCount));
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA"); // DER, as WebAuthn's ES256 wants
            signer.initSign(keys.getPrivate());
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            signed.writeBytes(data);
            signed.writeBytes(sha256(clientData));
            signer.update(signed.toByteArray());
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return credential(Json.createObjectBuilder()
                .add("clientDataJSON", base64Url(clientData))
                .add("authenticatorData", base64Url(data))
                .add("signature", base64Url(signature)));
    }

    /** The PublicKeyCredential JSON a browser hands the page, around the authenticator's {@code response}. */
    private String credential(JsonObjectBuilder response) {
        return Json.createObjectBuilder()
                .add("id", credentialId()).add("rawId", credentialId()).add("type", "public-key")
                .add("authenticatorAttachment", "platform")
                .add("clientExtensionResults", Json.createObjectBuilder())
                .add("response", response)
                .build().toString();
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return Json.createObjectBuilder().add("type", type).add("challenge", challenge).add("origin", origin)
                .add("crossOrigin", false).build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
