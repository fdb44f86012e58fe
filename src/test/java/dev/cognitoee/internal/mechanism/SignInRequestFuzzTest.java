package dev.cognitoee.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SignInRequest#read} on seeded mutations of form fields and JSON bodies, under a fixed budget: it must always
 * return a request (complete or not), never throw. The seed is fixed so that a failure reproduces.
 */
class SignInRequestFuzzTest {

    static final long SEED = 20261202L;
    static final int CASES = 20_000;
    private static final String VALID_JSON = "{\"username\":\"alice\",\"password\":\"Corr3ct-Horse-Battery\"}";
    private static final String NASTY = "{}[]\":,\\ \t\r\n\u0000\u00e9\u202e\ud83d\ude00%&=+'<>0123456789eEnulltrue";
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=UTF-8",
            "APPLICATION/JSON", "application/json; charset=UTF-16", "application/jsonp", "application/json-seq",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "", ";;;",
            "application/json\u0000", "\u00e4pplication/json");

    @Test
    void seededMutationsOfJsonBodiesAndFormFieldsNeverThrow() {
        Random random = new Random(SEED);
        List<String> unexpected = new ArrayList<>();
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < CASES; i++) {
            boolean json = random.nextBoolean();
            HttpServletRequest request = json
                    ? request(CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())), jsonBody(random), Map.of())
                    : request(random.nextInt(4) == 0 ? null : "application/x-www-form-urlencoded", new byte[0],
                    form(field(random), field(random)));
            try {
                SignInRequest read = SignInRequest.read(request);
                outcomes.merge((read.json() ? "json " : "form ") + (read.complete() ? "complete" : "incomplete"), 1,
                        Integer::sum);
                if (read.toString().contains("Corr3ct-Horse-Battery")) {
                    unexpected.add("case " + i + ": the password in toString()");
                }
            } catch (RuntimeException | Error e) {
                unexpected.add("case " + i + ": " + e);
            }
        }
        System.out.printf("sign-in request fuzz: seed %d, cases %d, unexpected %d, outcomes %s%n",
                SEED, CASES, unexpected.size(), outcomes);
        assertThat(unexpected).as("exceptions out of SignInRequest.read").isEmpty();
        assertThat(outcomes).as("the fuzzer reaches both kinds of body and both outcomes")
                .containsKeys("json complete", "json incomplete", "form complete", "form incomplete");
    }

    @Test
    void theJsonContentTypeIsRecognisedWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR")); // where "I".toLowerCase() is a dotless i
        try {
            SignInRequest read = SignInRequest.read(request("APPLICATION/JSON; CHARSET=UTF-8",
                    VALID_JSON.getBytes(StandardCharsets.UTF_8), Map.of()));
            assertThat(read.json()).isTrue();
            assertThat(read.complete()).isTrue();
            assertThat(read.username()).isEqualTo("alice");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static byte[] jsonBody(Random r) {
        String body = switch (r.nextInt(10)) {
            // nested inside the object, where the reader descends (past Parsson's depth limit, under the body limit)
            case 0 -> "{\"password\":" + "[".repeat(r.nextInt(16_000));
            case 1 -> "{\"username\":" + "{\"a\":".repeat(r.nextInt(5000)) + "1";
            case 2 -> "{\"username\":\"" + "a".repeat(r.nextInt(40_000)) + "\",\"password\":\"p\"}";
            case 3 -> "{\"username\":\"alice\",\"username\":\"bob\",\"password\":\"p\"}";
            case 4 -> "{\"username\":" + List.of("1", "null", "true", "[\"a\"]", "{}", "1e999999")
                    .get(r.nextInt(6)) + ",\"password\":\"p\"}";
            default -> mutate(r, VALID_JSON);
        };
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(8) == 0 && bytes.length > 0) {
            bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(128)); // not UTF-8
        }
        return bytes;
    }

    private static Map<String, String> form(String username, String password) {
        Map<String, String> form = new java.util.HashMap<>(); // missing fields are null
        form.put("j_username", username);
        form.put("j_password", password);
        return form;
    }

    private static String field(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> " \t\r\n";
            case 3 -> "x".repeat(r.nextInt(20_000));
            default -> mutate(r, "alice");
        };
    }

    private static String mutate(Random r, String text) {
        StringBuilder out = new StringBuilder(text);
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            int at = r.nextInt(out.length() + 1);
            switch (r.nextInt(3)) {
                case 0 -> out.insert(at, NASTY.charAt(r.nextInt(NASTY.length())));
                case 1 -> {
                    if (at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
                default -> out.setLength(Math.min(out.length(), at));
            }
        }
        return out.toString();
    }

    /** A request with the given content type, body and form parameters; anything else it is asked throws. */
    private static HttpServletRequest request(String contentType, byte[] body, Map<String, String> parameters) {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        ServletInputStream stream = new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return in.read(buffer, offset, length);
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(SignInRequestFuzzTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getContentType" -> contentType;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getInputStream" -> stream;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
