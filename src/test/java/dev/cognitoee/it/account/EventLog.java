package dev.cognitoee.it.account;

import dev.cognitoee.event.SignInFailed;
import dev.cognitoee.event.SignedIn;
import dev.cognitoee.event.SignedOut;
import dev.cognitoee.event.TokenRefreshFailed;
import dev.cognitoee.event.TokenRefreshed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import java.util.ArrayList;
import java.util.List;

/** Observes the module's events, as an audit log of the application would; counts the asynchronous ones. */
@ApplicationScoped
public class EventLog {

    private final List<String> events = new ArrayList<>();
    private final List<String> asyncEvents = new ArrayList<>();

    void signedIn(@Observes SignedIn e) {
        add(events, "SignedIn " + e.username() + " " + e.method() + " groups=" + e.groups().stream().sorted().toList()
                + " sub=" + (e.subject() != null));
    }

    void signInFailed(@Observes SignInFailed e) {
        add(events, "SignInFailed " + e.username() + " " + e.method() + " " + e.error());
    }

    void signedOut(@Observes SignedOut e) {
        add(events, "SignedOut " + e.username() + " " + e.reason() + " global=" + e.global());
    }

    void refreshed(@Observes TokenRefreshed e) {
        add(events, "TokenRefreshed " + e.username());
    }

    void refreshFailed(@Observes TokenRefreshFailed e) {
        add(events, "TokenRefreshFailed " + e.username() + " " + e.error() + " signedOut=" + e.signedOut());
    }

    void signedInAsync(@ObservesAsync SignedIn e) {
        add(asyncEvents, "SignedIn " + e.username());
    }

    /** An observer with a bug: it must not break the sign-in it observes. */
    void failingObserver(@Observes SignedIn e) {
        if (e.username().startsWith("throws-")) {
            throw new IllegalStateException("observer bug");
        }
    }

    List<String> events(String username) {
        return matching(events, username);
    }

    List<String> asyncEvents(String username) {
        return matching(asyncEvents, username);
    }

    private static void add(List<String> log, String line) {
        synchronized (log) {
            log.add(line);
        }
    }

    private static List<String> matching(List<String> log, String username) {
        synchronized (log) {
            return log.stream().filter(line -> line.split(" ")[1].equals(username)).toList();
        }
    }
}
