package dev.cognitoee.it.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Consumer;

/** Bad tokens made from good ones, the way an attacker or a broken client would make them. */
public final class Forgery {

    private Forgery() {
    }

    /**
     * {@code genuine} with its claims changed and signed again with the emulator's own private key (which ships in
     * its npm package): a token the pool really could have issued, e.g. one that has expired.
     */
    public static String resignedByEmulator(String genuine, Consumer<JWTClaimsSet.Builder> change) {
        return resignedByEmulator(genuine, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("CognitoLocal").build(),
                change);
    }

    public static String expired(String genuine) {
        Instant now = Instant.now();
        return resignedByEmulator(genuine, c -> c.issueTime(java.util.Date.from(now.minusSeconds(7200)))
                .expirationTime(java.util.Date.from(now.minusSeconds(3600))));
    }

    /** The payload swapped for one naming another user, the signature kept. */
    public static String tamperedPayload(String genuine) {
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"username\":\"bob\"", "\"username\":\"alice\"")
                .replace("\"username\":\"alice\"", "\"username\":\"admin\"");
        return parts[0] + "." + base64Url(payload) + "." + parts[2];
    }

    /** One character of the signature changed. */
    public static String tamperedSignature(String genuine) {
        int at = genuine.length() - 5;
        char replacement = genuine.charAt(at) == 'A' ? 'B' : 'A';
        return genuine.substring(0, at) + replacement + genuine.substring(at + 1);
    }

    /** The payload under {@code "alg":"none"}, with the original signature left in place. */
    public static String algNone(String genuine) {
        String[] parts = genuine.split("\\.");
        return base64Url("{\"alg\":\"none\",\"kid\":\"CognitoLocal\"}") + "." + parts[1] + "." + parts[2];
    }

    /** The claims signed with HS256, keyed with the bytes of the pool's public RSA key (key confusion). */
    public static String hs256WithPublicKey(String genuine, String jwksUri) {
        try {
            JWKSet jwks = JWKSet.load(new URL(jwksUri));
            RSAKey publicKey = (RSAKey) jwks.getKeyByKeyId("CognitoLocal");
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("CognitoLocal").build(),
                    SignedJWT.parse(genuine).getJWTClaimsSet());
            jwt.sign(new MACSigner(publicKey.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of {@code genuine}, changed, under {@code header}, signed with the emulator's own private key: a
     * token the pool itself could have signed, with a header of the test's choosing.
     */
    public static String resignedByEmulator(String genuine, JWSHeader header, Consumer<JWTClaimsSet.Builder> change) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(SignedJWT.parse(genuine).getJWTClaimsSet());
            change.accept(claims);
            SignedJWT jwt = new SignedJWT(header, claims.build());
            jwt.sign(new RSASSASigner(emulatorKey()));
            return jwt.serialize();
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A compact JWS of exactly these header and payload texts (neither need be valid JSON, nor unique in its
     * member names), signed by {@code signer} with {@code algorithm} over the encoded header and payload.
     */
    public static String signedRaw(String headerJson, String payloadJson, JWSSigner signer, JWSAlgorithm algorithm) {
        String signingInput = base64Url(headerJson) + "." + base64Url(payloadJson);
        try {
            return signingInput + "." + signer.sign(new JWSHeader(algorithm),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #signedRaw} with the emulator's own key, RS256: the pool's signature over any bytes. */
    public static String signedRawByEmulator(String headerJson, String payloadJson) {
        try {
            return signedRaw(headerJson, payloadJson, new RSASSASigner(emulatorKey()), JWSAlgorithm.RS256);
        } catch (JOSEException e) { // RSASSASigner refuses keys shorter than 2048 bits; the emulator's is not
            throw new IllegalStateException(e);
        }
    }

    /** The decoded payload (claims JSON) of {@code token}. */
    public static String payloadJson(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /** The emulator's private signing key (kid {@code CognitoLocal}), which ships in its npm package. */
    public static RSAKey emulatorKey() {
        Path file = Path.of(TestSettings.required("cognitoee.cognitoLocalDir"),
                "node_modules/cognito-local/lib/keys/cognitoLocal.private.json");
        try {
            String jwk = Json.createReader(new StringReader(Files.readString(file))).readObject()
                    .getJsonObject("jwk").toString();
            return RSAKey.parse(withKid(jwk));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withKid(String jwk) {
        return Json.createObjectBuilder(Json.createReader(new StringReader(jwk)).readObject())
                .add("kid", "CognitoLocal").build().toString();
    }

    public static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
