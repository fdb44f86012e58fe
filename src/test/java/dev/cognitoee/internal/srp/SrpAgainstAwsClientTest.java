package dev.cognitoee.internal.srp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The module's SRP against AWS's own client, {@code amazon-cognito-identity-js} (its {@code CognitoUser} sign-in
 * with USER_SRP_AUTH and its {@code AuthenticationHelper}) run under Node.js by {@link AwsSrpClient}: for the same
 * inputs and the same random {@code a}, A, k, u, the HKDF key, and the RespondToAuthChallenge answer (USERNAME,
 * TIMESTAMP, PASSWORD_CLAIM_SIGNATURE) must be byte-identical.
 *
 * <p>The cases are drawn from a fixed seed, with aliases, non-ASCII names and passwords, one-digit days, and every
 * padding case: a number whose first bit is set gets a zero byte in front before it is hashed, and the test checks
 * that its cases include numbers with and without it, for A, B, the salt, u and S.
 */
class SrpAgainstAwsClientTest {

    private static final HexFormat HEX = HexFormat.of();

    /** One sign-in, as Cognito's challenge and the user's input give it. */
    record Case(String userPoolId, String username, String userIdForSrp, String password, BigInteger smallA,
                String srpB, String salt, String secretBlock, Instant now) {

        String poolName() {
            return userPoolId.substring(userPoolId.indexOf('_') + 1);
        }

        JsonObject json() {
            return Json.createObjectBuilder().add("userPoolId", userPoolId).add("clientId", "4f1client")
                    .add("username", username).add("userIdForSrp", userIdForSrp).add("password", password)
                    .add("smallA", smallA.toString(16)).add("srpB", srpB).add("salt", salt)
                    .add("secretBlock", secretBlock).add("session", "the-session")
                    .add("nowMillis", now.toEpochMilli()).build();
        }
    }

    private static final String[][] USERS = {
        {"alice", "alice", "Corr3ct-Horse-Battery"},
        {"alice@example.com", "6f1c2e5a-7d4b-4c1e-9a55-0c3d2b1a0f9e", "Corr3ct-Horse-Battery"}, // an alias
        {"Jürgen", "Jürgen", "pässwörd mit Leerzeichen ✓"},
        {"bob", "bob", "p:a:s:s"},
    };
    private static final String[] POOLS = {"eu-west-1_AbC123", "us-east-1_Z9y8X7w6V"};
    private static final Instant[] MOMENTS = {
        Instant.parse("2026-03-05T04:03:09Z"), // a one-digit day, written without padding
        Instant.parse("2026-12-31T23:59:59.999Z"),
        Instant.parse("2027-01-01T00:00:00Z"),
        Instant.parse("2026-11-10T12:34:56Z"),
    };

    static List<Case> cases() {
        Random random = new Random(20261202);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String[] user = USERS[i % USERS.length];
            byte[] salt = bytes(random, 16);
            // a salt with a zero byte in front (dropped), one that is odd in hex, one with its first bit set
            if (i < 3) {
                salt[0] = new byte[] {0x00, 0x0a, (byte) 0xc3}[i];
            }
            BigInteger srpB = new BigInteger(3072, random).mod(CognitoSrpGroup.N);
            Instant now = i < MOMENTS.length ? MOMENTS[i]
                    : Instant.ofEpochSecond(1_767_225_600L + random.nextInt(365 * 86_400));
            cases.add(new Case(POOLS[i % POOLS.length], user[0], user[1], user[2],
                    new BigInteger(1, bytes(random, 128)), srpB.toString(16), HEX.formatHex(salt),
                    Base64.getEncoder().encodeToString(bytes(random, 32 + random.nextInt(200))), now));
        }
        return cases;
    }

    @Test
    void theModuleComputesAndSendsWhatAwssClientDoes() throws Exception {
        List<Case> cases = cases();
        JsonArray results = AwsSrpClient.run(json(cases));
        assertThat(results).hasSameSizeAs(cases);

        List<BigInteger> numbers = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            JsonObject aws = results.getJsonObject(i);
            assertThat(aws.containsKey("refused")).as("case %d: %s", i, aws).isFalse();
            SrpClient module = new SrpClient(c.smallA());
            BigInteger srpB = new BigInteger(c.srpB(), 16);
            BigInteger salt = new BigInteger(c.salt(), 16);

            assertThat(module.publicValueHex()).as("SRP_A, case %d", i).isEqualTo(aws.getString("A"))
                    .isEqualTo(aws.getJsonObject("initiateAuth").getJsonObject("AuthParameters").getString("SRP_A"));
            assertThat(CognitoSrpGroup.K.toString(16)).as("k").isEqualTo(aws.getString("k"));
            BigInteger u = module.scramblingParameter(srpB);
            assertThat(u.toString(16)).as("u, case %d", i).isEqualTo(aws.getString("u"));
            assertThat(HEX.formatHex(CognitoSrpGroup.bytes(u))).as("HKDF salt, case %d", i)
                    .isEqualTo(aws.getString("hkdfSalt"));
            assertThat(HEX.formatHex(module.passwordAuthenticationKey(c.poolName(), c.userIdForSrp(), c.password(),
                    srpB, salt))).as("HKDF key, case %d", i).isEqualTo(aws.getString("hkdf"));

            PasswordClaim claim = module.passwordClaim(c.poolName(),
                    new PasswordVerifierChallenge(c.userIdForSrp(), srpB, salt, c.secretBlock()), c.password(),
                    c.now());
            JsonObject answer = aws.getJsonObject("respondToAuthChallenge");
            JsonObject responses = answer.getJsonObject("ChallengeResponses");
            assertThat(answer.getString("ChallengeName")).isEqualTo("PASSWORD_VERIFIER");
            assertThat(claim.userIdForSrp()).as("USERNAME is USER_ID_FOR_SRP, not the name typed")
                    .isEqualTo(responses.getString("USERNAME")).isEqualTo(c.userIdForSrp());
            assertThat(claim.timestamp()).as("TIMESTAMP, case %d", i).isEqualTo(responses.getString("TIMESTAMP"));
            assertThat(claim.challengeResponses()).as("case %d", i)
                    .containsEntry("TIMESTAMP", responses.getString("TIMESTAMP"))
                    .containsEntry("PASSWORD_CLAIM_SECRET_BLOCK", responses.getString("PASSWORD_CLAIM_SECRET_BLOCK"))
                    .containsEntry("PASSWORD_CLAIM_SIGNATURE", responses.getString("PASSWORD_CLAIM_SIGNATURE"));

            numbers.add(module.publicValue());
            numbers.add(srpB);
            numbers.add(salt);
            numbers.add(u);
        }

        assertThat(results.getJsonObject(0).getJsonObject("respondToAuthChallenge")
                .getJsonObject("ChallengeResponses").getString("TIMESTAMP")).isEqualTo("Thu Mar 5 04:03:09 UTC 2026");
        // Every number hashed, with and without the zero byte in front; S is seen from the AWS side only.
        for (int role = 0; role < 4; role++) {
            List<Boolean> padded = new ArrayList<>();
            for (int i = role; i < numbers.size(); i += 4) {
                padded.add(numbers.get(i).bitLength() % 8 == 0);
            }
            assertThat(padded).as("padding cases of %s", List.of("A", "B", "salt", "u").get(role))
                    .contains(true, false);
        }
        assertThat(results.getValuesAs(JsonObject.class)).extracting(r -> r.getString("hkdfSecret").startsWith("00"))
                .as("padding cases of S").contains(true, false);
        assertThat(cases).extracting(c -> new BigInteger(c.salt(), 16).toString(16).length() % 2 == 1)
                .as("a salt odd in hex").contains(true);
    }

    /** u = 0 cannot be made on purpose (it is a SHA-256 value); B = 0 modulo N can. */
    @Test
    void bothRefuseAServerValueThatIsZeroModuloN() throws Exception {
        Case template = cases().get(0);
        Function<BigInteger, Case> withB = b -> new Case(template.userPoolId(), template.username(),
                template.userIdForSrp(), template.password(), template.smallA(), b.toString(16), template.salt(),
                template.secretBlock(), template.now());
        List<Case> cases = List.of(withB.apply(BigInteger.ZERO), withB.apply(CognitoSrpGroup.N),
                withB.apply(CognitoSrpGroup.N.shiftLeft(1)));

        JsonArray results = AwsSrpClient.run(json(cases));

        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            assertThat(results.getJsonObject(i).getString("refused", "")).as("AWS's client, case %d", i)
                    .contains("B cannot be zero");
            assertThatThrownBy(() -> new SrpClient(c.smallA()).passwordClaim(c.poolName(),
                    new PasswordVerifierChallenge(c.userIdForSrp(), new BigInteger(c.srpB(), 16),
                            new BigInteger(c.salt(), 16), c.secretBlock()), c.password(), c.now()))
                    .as("the module, case %d", i)
                    .isInstanceOf(SrpException.class).hasMessageContaining("0 modulo N");
        }
    }

    private static JsonArray json(List<Case> cases) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        cases.forEach(c -> array.add(c.json()));
        return array.build();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
