/**
 * The Cognito EE test kit: what an application's own tests need to call a WAR protected by Cognito EE without
 * a real user pool.
 *
 * <ul>
 *   <li>{@link dev.cognitoee.testkit.TestUserPool}: a stand-in user pool in the test JVM. It holds an RSA signing
 *       key, serves its JWKS over HTTP on a free loopback port, mints Cognito-shaped access and id tokens (also
 *       deliberately bad ones, see {@link dev.cognitoee.testkit.TokenFlaw}), and gives the MicroProfile Config
 *       settings that point the module at it.</li>
 *   <li>{@link dev.cognitoee.testkit.TokenBuilder}: one token, claim by claim.</li>
 *   <li>{@link dev.cognitoee.testkit.SigningKey} and {@link dev.cognitoee.testkit.JwksEndpoint}: the two parts on
 *       their own, for tests that need more than one key or an endpoint that fails, hangs or rotates its keys.</li>
 * </ul>
 *
 * <p>Published as the {@code testkit} classifier of {@code dev.cognitoee:cognito-ee}; it needs Nimbus JOSE+JWT
 * ({@code com.nimbusds:nimbus-jose-jwt}) on the test class path, since the module's jar carries only a relocated
 * copy. It depends on nothing else but the JDK (the {@code jdk.httpserver} module); it uses no test framework, so it
 * works with JUnit, Arquillian or any other. See {@code docs/TESTING.md}.
 */
package dev.cognitoee.testkit;
