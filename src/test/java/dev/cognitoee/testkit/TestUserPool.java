package dev.cognitoee.testkit;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stand-in Cognito user pool in the test JVM: a signing key, its JWKS served on a free loopback port, tokens
 * signed with it, and the MicroProfile Config settings that make Cognito EE trust it.
 *
 * <pre>{@code
 * try (TestUserPool pool = TestUserPool.start()) {
 *     String props = pool.settingsAsProperties();          // the WAR's META-INF/microprofile-config.properties
 *     String token = pool.accessToken().username("alice").groups("admin").sign();
 *     String expired = pool.accessToken().flaw(TokenFlaw.EXPIRED).sign();
 * }
 * }</pre>
 *
 * <p>The server that runs the WAR must reach the JWKS at {@code 127.0.0.1} of the test's machine: the case of
 * Arquillian's managed and embedded containers, and of a server started by the test. It verifies bearer tokens
 * only: the pool answers none of Cognito's API calls (sign-in, sign-up, ...), for which see the emulator in
 * {@code docs/TESTING.md}. A pool may be shared between threads; each {@link TokenBuilder} it hands out belongs to
 * one.
 */
public final class TestUserPool implements AutoCloseable {

    private final String region;
    private final String userPoolId;
    private final String clientId;
    private final String issuer;
    private final SigningKey signingKey;
    private final Clock clock;
    private final JwksEndpoint jwks;

    private TestUserPool(Builder builder) {
        region = builder.region;
        userPoolId = builder.userPoolId != null ? builder.userPoolId : region + "_TestKit1";
        clientId = builder.clientId;
        issuer = builder.issuer != null ? builder.issuer : "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId;
        signingKey = builder.signingKey != null ? builder.signingKey : SigningKey.generate(builder.keyId);
        clock = builder.clock;
        jwks = JwksEndpoint.start(signingKey.publicJwk());
    }

    /**
     * A pool with every default: region {@code eu-west-1}, pool {@code eu-west-1_TestKit1}, app client
     * {@code testkitclient}, issuer as Cognito's, a fresh key with kid {@code testkit-key-1}, the system clock.
     *
     * @return the running pool; close it when done
     */
    public static TestUserPool start() {
        return builder().start();
    }

    /**
     * A pool of one's own settings.
     *
     * @return a builder with the defaults of {@link #start()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A valid access token of this pool, to be changed as the test needs.
     *
     * @return a builder with this pool's issuer, app client, key and clock
     */
    public TokenBuilder accessToken() {
        return TokenBuilder.access(issuer, clientId).signingKey(signingKey).clock(clock);
    }

    /**
     * A valid id token of this pool, for an application set to {@code cognito.token-use=id}.
     *
     * @return a builder with this pool's issuer, app client, key and clock
     */
    public TokenBuilder idToken() {
        return TokenBuilder.id(issuer, clientId).signingKey(signingKey).clock(clock);
    }

    /**
     * The MicroProfile Config settings that point Cognito EE at this pool: {@code cognito.region},
     * {@code cognito.user-pool-id}, {@code cognito.client-id}, {@code cognito.issuer}, {@code cognito.jwks-uri}.
     * Add others (for example {@code cognito.token-use}) to the map as the application needs.
     *
     * @return a new mutable map, in that order
     */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cognito.region", region);
        settings.put("cognito.user-pool-id", userPoolId);
        settings.put("cognito.client-id", clientId);
        settings.put("cognito.issuer", issuer);
        settings.put("cognito.jwks-uri", jwks.uri().toString());
        return settings;
    }

    /**
     * The {@link #settings()} as the text of a {@code microprofile-config.properties} file (or a file for Payara
     * Micro's {@code --systemproperties}), one {@code key=value} a line.
     *
     * @return the properties text, values escaped as {@link java.util.Properties#load(java.io.Reader)} reads them
     */
    public String settingsAsProperties() {
        StringBuilder text = new StringBuilder();
        settings().forEach((key, value) -> text.append(key).append('=').append(escaped(value)).append('\n'));
        return text.toString();
    }

    /**
     * The AWS region.
     *
     * @return the value of {@code cognito.region}
     */
    public String region() {
        return region;
    }

    /**
     * The user pool id.
     *
     * @return the value of {@code cognito.user-pool-id}
     */
    public String userPoolId() {
        return userPoolId;
    }

    /**
     * The app client id the tokens are issued to.
     *
     * @return the value of {@code cognito.client-id}
     */
    public String clientId() {
        return clientId;
    }

    /**
     * The issuer of the tokens.
     *
     * @return the value of {@code cognito.issuer}
     */
    public String issuer() {
        return issuer;
    }

    /**
     * The key the tokens are signed with.
     *
     * @return the pool's signing key
     */
    public SigningKey signingKey() {
        return signingKey;
    }

    /**
     * The pool's JWKS endpoint, for a test that makes it fail, hang or rotate keys.
     *
     * @return the running endpoint
     */
    public JwksEndpoint jwks() {
        return jwks;
    }

    /** Stops the JWKS endpoint. */
    @Override
    public void close() {
        jwks.close();
    }

    /** Backslashes, line breaks and a leading space are the only characters a properties value must escape. */
    private static String escaped(String value) {
        String text = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        return text.startsWith(" ") ? "\\" + text : text;
    }

    /** The settings of a {@link TestUserPool}; every one has a default. */
    public static final class Builder {

        private String region = "eu-west-1";
        private String userPoolId;
        private String clientId = "testkitclient";
        private String issuer;
        private String keyId = "testkit-key-1";
        private SigningKey signingKey;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * The AWS region.
         *
         * @param name a region name; {@code eu-west-1} by default
         * @return this builder
         */
        public Builder region(String name) {
            this.region = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * The user pool id.
         *
         * @param id {@code <region>_<id>}; {@code <region>_TestKit1} by default
         * @return this builder
         */
        public Builder userPoolId(String id) {
            this.userPoolId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * The app client the tokens are issued to.
         *
         * @param id an app client id; {@code testkitclient} by default
         * @return this builder
         */
        public Builder clientId(String id) {
            this.clientId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * The issuer, when not Cognito's {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}.
         *
         * @param iss the issuer
         * @return this builder
         */
        public Builder issuer(String iss) {
            this.issuer = Objects.requireNonNull(iss, "iss");
            return this;
        }

        /**
         * The kid of the key the pool generates.
         *
         * @param kid the key id; {@code testkit-key-1} by default
         * @return this builder
         */
        public Builder keyId(String kid) {
            this.keyId = Objects.requireNonNull(kid, "kid");
            return this;
        }

        /**
         * A key of one's own instead of a generated one ({@link #keyId(String)} is then ignored).
         *
         * @param key the signing key
         * @return this builder
         */
        public Builder signingKey(SigningKey key) {
            this.signingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Where the tokens' "now" comes from.
         *
         * @param now the clock; the system's UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock now) {
            this.clock = Objects.requireNonNull(now, "now");
            return this;
        }

        /**
         * Generates the key (unless one was given) and starts serving its JWKS.
         *
         * @return the running pool; close it when done (the module, not the kit, checks that the settings are
         *         well-formed: a bad one fails the WAR's deployment, naming it)
         */
        public TestUserPool start() {
            return new TestUserPool(this);
        }
    }
}
