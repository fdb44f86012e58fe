package dev.cognitoee.internal.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoee.it.support.SrpStandInMath;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SRP client against the server side of the test stand-in ({@link SrpStandInMath}, written apart from it): a
 * proof made with the right password is the one the server expects, any other is not; and the challenges the client
 * must refuse.
 */
class SrpClientTest {

    private static final String POOL = "AbC123";
    private static final Instant NOW = Instant.parse("2026-12-02T21:07:05Z");

    private final SecureRandom random = new SecureRandom();
    private final SrpStandInMath.Verifier verifier = SrpStandInMath.verifier(POOL, "alice", "Corr3ct-Horse", random);
    private final SrpStandInMath.ServerHalf server = SrpStandInMath.serverHalf(verifier, random);
    private final String secretBlock = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5});

    private PasswordVerifierChallenge challenge(String userIdForSrp) {
        return new PasswordVerifierChallenge(userIdForSrp, server.publicValue(), verifier.salt(), secretBlock);
    }

    private boolean serverAccepts(SrpClient client, PasswordClaim claim, String userIdForSrp) {
        byte[] expected = SrpStandInMath.expectedSignature(POOL, userIdForSrp, verifier, server,
                new BigInteger(client.publicValueHex(), 16), Base64.getDecoder().decode(claim.secretBlock()),
                claim.timestamp());
        return Base64.getEncoder().encodeToString(expected).equals(claim.signature());
    }

    @Test
    void theRightPasswordMakesTheProofTheServerExpects() {
        SrpClient client = SrpClient.start(random);
        PasswordClaim claim = client.passwordClaim(POOL, challenge("alice"), "Corr3ct-Horse", NOW);

        assertThat(serverAccepts(client, claim, "alice")).isTrue();
        assertThat(claim.userIdForSrp()).isEqualTo("alice");
        assertThat(claim.timestamp()).isEqualTo("Wed Dec 2 21:07:05 UTC 2026");
        assertThat(claim.challengeResponses()).containsOnlyKeys("PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP",
                "PASSWORD_CLAIM_SIGNATURE").containsEntry("PASSWORD_CLAIM_SECRET_BLOCK", secretBlock);
        assertThat(claim.toString()).doesNotContain(claim.signature());
    }

    @Test
    void anyOtherPasswordUserOrPoolMakesAProofTheServerRefuses() {
        SrpClient client = SrpClient.start(random);
        assertThat(serverAccepts(client, client.passwordClaim(POOL, challenge("alice"), "corr3ct-Horse", NOW),
                "alice")).as("another password").isFalse();
        assertThat(serverAccepts(client, client.passwordClaim("AbC124", challenge("alice"), "Corr3ct-Horse", NOW),
                "alice")).as("another pool").isFalse();
        assertThat(serverAccepts(client, client.passwordClaim(POOL, challenge("alice2"), "Corr3ct-Horse", NOW),
                "alice2")).as("another user").isFalse();
    }

    @Test
    void eachSignInDrawsItsOwnSecret() {
        String first = SrpClient.start(random).publicValueHex();
        String second = SrpClient.start(random).publicValueHex();
        assertThat(first).isNotEqualTo(second).matches("[0-9a-f]+").doesNotStartWith("0");
        assertThat(new BigInteger(first, 16)).isLessThan(CognitoSrpGroup.N).isGreaterThan(BigInteger.ONE);
    }

    @Test
    void refusesAServerValueThatIsZeroModuloN() {
        SrpClient client = SrpClient.start(random);
        for (BigInteger b : new BigInteger[] {BigInteger.ZERO, CognitoSrpGroup.N, CognitoSrpGroup.N.multiply(
                BigInteger.valueOf(3))}) {
            assertThatThrownBy(() -> client.passwordClaim(POOL, new PasswordVerifierChallenge("alice", b,
                    verifier.salt(), secretBlock), "Corr3ct-Horse", NOW))
                    .isInstanceOf(SrpException.class).hasMessage("SRP_B of the PASSWORD_VERIFIER challenge is 0 "
                            + "modulo N");
        }
    }

    @Test
    void readsCognitosChallengeParametersAndRefusesMalformedOnes() {
        Map<String, String> parameters = new HashMap<>(Map.of("SRP_B", "0AbC", "SALT", "00ff",
                "SECRET_BLOCK", secretBlock, "USER_ID_FOR_SRP", "alice", "USERNAME", "alice"));
        PasswordVerifierChallenge challenge = PasswordVerifierChallenge.of(parameters);
        assertThat(challenge.serverPublic()).isEqualTo(BigInteger.valueOf(0xabc));
        assertThat(challenge.salt()).isEqualTo(BigInteger.valueOf(0xff));
        assertThat(challenge.userIdForSrp()).isEqualTo("alice");

        for (var broken : Map.of("SRP_B", "xyz", "SALT", "-", "SECRET_BLOCK", "not base64!",
                "USER_ID_FOR_SRP", "").entrySet()) {
            Map<String, String> malformed = new HashMap<>(parameters);
            malformed.put(broken.getKey(), broken.getValue());
            assertThatThrownBy(() -> PasswordVerifierChallenge.of(malformed)).as(broken.getKey())
                    .isInstanceOf(SrpException.class).hasMessageContaining(broken.getKey());
            malformed.remove(broken.getKey());
            assertThatThrownBy(() -> PasswordVerifierChallenge.of(malformed)).as("no " + broken.getKey())
                    .isInstanceOf(SrpException.class).hasMessage("The PASSWORD_VERIFIER challenge has no "
                            + broken.getKey());
        }
    }
}
