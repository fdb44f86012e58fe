package dev.cognitoee.it.hosted;

import dev.cognitoee.event.SignInWithRedirect;
import dev.cognitoee.event.SignInWithRedirectFailed;
import dev.cognitoee.event.SignedIn;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.event.TokenRefreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayList;
import java.util.List;

/** The module's events, one line each, as an application's audit log would see them. */
@ApplicationScoped
public class EventLog {

    private final List<String> lines = new ArrayList<>();

    void signedIn(@Observes SignedIn e) {
        add("SignedIn " + e.username() + " " + e.method() + " groups=" + e.groups().stream().sorted().toList());
    }

    void redirect(@Observes SignInWithRedirect e) {
        add("SignInWithRedirect " + e.username() + " sub=" + (e.subject() != null) + " groups="
                + e.groups().stream().sorted().toList() + " customState=" + e.customState() + " pool=" + e.pool());
    }

    void redirectAsync(@ObservesAsync SignInWithRedirect e) {
        add("async SignInWithRedirect " + e.username());
    }

    void redirectFailed(@Observes SignInWithRedirectFailed e) {
        add("SignInWithRedirectFailed " + e.error() + " customState=" + e.customState() + " reason=" + e.reason());
    }

    void refreshed(@Observes TokenRefreshed e) {
        add("TokenRefreshed " + e.username());
    }

    void signedOut(@Observes SignedOut e) {
        add("SignedOut " + e.username() + " " + e.reason());
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    private synchronized void add(String line) {
        lines.add(line);
    }
}
