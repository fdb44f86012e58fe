package dev.cognitoee.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** The caller's token is found whether the server's caller principal is the token itself or its own wrapper. */
class CallerTokenTest {

    private final JsonWebToken token = jwt("alice");

    @Test
    void theCallerPrincipalItself() { // Payara 6
        assertThat(CallerToken.of(securityContext(token, Set.of()))).containsSame(token);
    }

    @Test
    void amongTheCallersPrincipalsWhenTheServerHandsOutItsOwnPrincipal() { // Payara 7: WebPrincipal
        Principal platform = () -> "alice";
        assertThat(CallerToken.of(securityContext(platform, Set.of(platform, token)))).containsSame(token);
    }

    @Test
    void noneForAnAnonymousRequestOrACallerWithoutToken() {
        assertThat(CallerToken.of(securityContext(null, Set.of()))).isEmpty();
        Principal fromAnotherStore = () -> "bob";
        assertThat(CallerToken.of(securityContext(fromAnotherStore, Set.of(fromAnotherStore)))).isEmpty();
    }

    private static JsonWebToken jwt(String name) {
        return (JsonWebToken) Proxy.newProxyInstance(CallerTokenTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "toString" -> "jwt " + name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    /** A SecurityContext (a proxy: the interface grew between Jakarta EE 10 and 11) knowing only the caller. */
    private static SecurityContext securityContext(Principal caller, Set<Principal> principals) {
        return (SecurityContext) Proxy.newProxyInstance(CallerTokenTest.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCallerPrincipal" -> caller;
                    case "getPrincipalsByType" -> {
                        Class<?> type = (Class<?>) args[0];
                        yield Set.copyOf(principals.stream().filter(type::isInstance).toList());
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
