package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoee.testing.JwksServer;
import dev.cognitoee.testing.MutableClock;
import dev.cognitoee.testing.TokenMinter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of valid tokens, under a fixed budget: none may be accepted, and the verifier may only answer
 * with {@link TokenRejectedException} or {@link SigningKeysUnavailableException}. The seed is fixed, and so are the
 * keys, so that a failure reproduces; the message names the mutation and the case number.
 */
class CognitoTokenVerifierFuzzTest {

    static final long SEED = 20261202L;
    static final int CASES = 20_000;
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    /** Bytes an attacker favours: JSON structure, base64 neighbours, control and non-ASCII characters. */
    private static final String NASTY = "{}[]\":,.\\/+=-_ \t\r\n\u0000\u00e9\u202e\ud83d\ude00%'<>0123456789eE";

    private final TokenMinter pool = TokenMinter.seeded("pool-key-1", SEED);
    private final TokenMinter attacker = TokenMinter.seeded("pool-key-1", SEED + 1);
    private final MutableClock clock = new MutableClock(NOW);
    private JwksServer jwks;
    private CognitoTokenVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        jwks = new JwksServer(pool.key().toPublicJWK());
        var config = TestConfigs.pool(jwks.uri());
        verifier = CognitoTokenVerifier.forPool(config, clock, TokenRevocations.off(), null);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    @Test
    void seededMutationsOfValidTokensAreAllRejected() throws Exception {
        List<String> seeds = List.of(pool.access(NOW), pool.sign(TokenMinter.idClaims(NOW)),
                attacker.access(NOW, c -> c.put("cognito:groups", List.of("admin"))));
        String genuine = seeds.get(0);
        assertThat(verifier.verify(genuine).callerName()).as("the unmutated token is valid").isEqualTo("alice");
        Map<String, BiFunction<Random, String, String>> mutations = mutations();
        List<String> names = new ArrayList<>(mutations.keySet());
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        List<String> accepted = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        int unchanged = 0;

        for (int i = 0; i < CASES; i++) {
            String seed = seeds.get(random.nextInt(seeds.size()));
            String name = names.get(random.nextInt(names.size()));
            String token = mutations.get(name).apply(random, seed);
            if (token.equals(genuine)) {
                unchanged++;
                continue; // the genuine token itself, not a mutation
            }
            try {
                verifier.verify(token);
                if (sameSignedBytes(token, genuine)) {
                    outcomes.merge("same signed bytes, accepted", 1, Integer::sum);
                } else {
                    accepted.add("case " + i + " (" + name + "): " + token);
                }
            } catch (TokenRejectedException e) {
                outcomes.merge(e.rejection().name(), 1, Integer::sum);
            } catch (SigningKeysUnavailableException e) {
                outcomes.merge("keys unavailable", 1, Integer::sum);
            } catch (Throwable e) {
                unexpected.add("case " + i + " (" + name + "): " + e);
            }
        }

        System.out.printf("verifier fuzz: seed %d, cases %d, unchanged %d, accepted %d, unexpected %d, outcomes %s%n",
                SEED, CASES, unchanged, accepted.size(), unexpected.size(), outcomes);
        assertThat(accepted).as("accepted mutations").isEmpty();
        assertThat(unexpected).as("exceptions other than a rejection").isEmpty();
        assertThat(jwks.requests()).as("made-up kids refetch at most once per interval").isLessThanOrEqualTo(2);
    }

    /**
     * Whether {@code token} carries exactly the signed bytes of {@code genuine} (header and payload segments
     * identical, same decoded signature): base64url leaves a few bits of the last character unused, so a
     * different string can decode to the same signature, and accepting it is accepting the genuine token.
     */
    private static boolean sameSignedBytes(String token, String genuine) {
        String[] a = token.split("\\.", -1);
        String[] b = genuine.split("\\.", -1);
        try {
            return a.length == 3 && a[0].equals(b[0]) && a[1].equals(b[1])
                    && Arrays.equals(UNB64.decode(a[2]), UNB64.decode(b[2]));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, BiFunction<Random, String, String>> mutations() {
        Map<String, BiFunction<Random, String, String>> m = new LinkedHashMap<>();
        m.put("flip a bit of a character", (r, t) -> {
            char[] chars = t.toCharArray();
            int at = r.nextInt(chars.length);
            chars[at] = (char) (chars[at] ^ (1 << r.nextInt(7)));
            return new String(chars);
        });
        m.put("replace a character", (r, t) -> replaceAt(t, r.nextInt(t.length()), nasty(r)));
        m.put("insert characters", (r, t) -> {
            int at = r.nextInt(t.length() + 1);
            return t.substring(0, at) + nasty(r) + nasty(r) + t.substring(at);
        });
        m.put("delete a run", (r, t) -> {
            int at = r.nextInt(t.length());
            return t.substring(0, at) + t.substring(Math.min(t.length(), at + 1 + r.nextInt(8)));
        });
        m.put("truncate", (r, t) -> t.substring(0, r.nextInt(t.length())));
        m.put("drop a segment", (r, t) -> {
            List<String> parts = new ArrayList<>(List.of(t.split("\\.", -1)));
            parts.remove(r.nextInt(parts.size()));
            return String.join(".", parts);
        });
        m.put("duplicate a segment", (r, t) -> {
            List<String> parts = new ArrayList<>(List.of(t.split("\\.", -1)));
            parts.add(r.nextInt(parts.size() + 1), parts.get(r.nextInt(parts.size())));
            return String.join(".", parts);
        });
        m.put("swap two segments", (r, t) -> {
            String[] parts = t.split("\\.", -1);
            int i = r.nextInt(3);
            int j = (i + 1 + r.nextInt(2)) % 3;
            String keep = parts[i];
            parts[i] = parts[j];
            parts[j] = keep;
            return String.join(".", parts);
        });
        m.put("empty a segment", (r, t) -> {
            String[] parts = t.split("\\.", -1);
            parts[r.nextInt(3)] = "";
            return String.join(".", parts);
        });
        m.put("mutate the decoded header", (r, t) -> mutateDecoded(r, t, 0));
        m.put("mutate the decoded payload", (r, t) -> mutateDecoded(r, t, 1));
        m.put("mutate the decoded signature bytes", (r, t) -> {
            String[] parts = t.split("\\.", -1);
            byte[] signature = UNB64.decode(parts[2]);
            signature[r.nextInt(signature.length)] ^= (byte) (1 + r.nextInt(255));
            parts[2] = B64.encodeToString(signature);
            return String.join(".", parts);
        });
        m.put("standard base64 with padding", (r, t) -> {
            String[] parts = t.split("\\.", -1);
            int i = r.nextInt(3);
            parts[i] = Base64.getEncoder().encodeToString(UNB64.decode(parts[i]));
            return String.join(".", parts);
        });
        m.put("whitespace around", (r, t) -> (r.nextBoolean() ? " " : "\t") + t + (r.nextBoolean() ? "\r\n" : " "));
        m.put("repeat the token", (r, t) -> (t + ".").repeat(1 + r.nextInt(3)) + t);
        m.put("huge", (r, t) -> t + "A".repeat(r.nextInt(40_000)));
        return m;
    }

    /** Decodes segment {@code index}, mutates its text (JSON), encodes it again; the signature is kept. */
    private static String mutateDecoded(Random r, String t, int index) {
        String[] parts = t.split("\\.", -1);
        String json = new String(UNB64.decode(parts[index]), StandardCharsets.UTF_8);
        String mutated = switch (r.nextInt(6)) {
            case 0 -> replaceAt(json, r.nextInt(json.length()), nasty(r));
            case 1 -> json.replace("RS256", List.of("none", "HS256", "rs256", "RS512", "").get(r.nextInt(5)));
            case 2 -> json.replaceFirst("\\}$", ",\"kid\":\"" + nasty(r) + "\"}");
            case 3 -> "[".repeat(r.nextInt(5000)) + json;
            case 4 -> json.replace("alice", "admin").replace("access", "id");
            default -> json.replaceFirst("\\{", "{\"exp\":" + r.nextLong() + ",");
        };
        parts[index] = B64.encodeToString(mutated.getBytes(StandardCharsets.UTF_8));
        return String.join(".", parts);
    }

    private static String replaceAt(String text, int at, String replacement) {
        return text.substring(0, at) + replacement + text.substring(at + 1);
    }

    private static String nasty(Random r) {
        int at = r.nextInt(NASTY.length());
        char c = NASTY.charAt(at);
        if (Character.isHighSurrogate(c) && at + 1 < NASTY.length()) {
            return NASTY.substring(at, at + 2);
        }
        return Character.isLowSurrogate(c) ? "x" : String.valueOf(c);
    }
}
