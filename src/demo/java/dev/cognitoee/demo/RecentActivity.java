package dev.cognitoee.demo;

import dev.cognitoee.event.SignInFailed;
import dev.cognitoee.event.SignInWithRedirect;
import dev.cognitoee.event.SignInWithRedirectFailed;
import dev.cognitoee.event.SignedIn;
import dev.cognitoee.event.SignedOut;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last sign-ins, failures and sign-outs on this server, from the module's CDI events. */
@ApplicationScoped
public class RecentActivity {

    private static final int KEPT = 20;

    private final Deque<Entry> entries = new ArrayDeque<>();

    /** One thing that happened. A JavaBean, not a record: Jakarta EL before 6.0 (EE 10) reads getters only. */
    public static final class Entry {

        private final Instant at;
        private final String username;
        private final String what;
        private final boolean failure;

        Entry(Instant at, String username, String what, boolean failure) {
            this.at = at;
            this.username = username;
            this.what = what;
            this.failure = failure;
        }

        /** When it happened. */
        public Instant getAt() {
            return at;
        }

        /** Who: the username, as typed for a failed sign-in. */
        public String getUsername() {
            return username;
        }

        /** What happened, in a few words. */
        public String getWhat() {
            return what;
        }

        /** Whether it is a failed sign-in. */
        public boolean isFailure() {
            return failure;
        }
    }

    void signedIn(@Observes SignedIn event) {
        add(new Entry(event.at(), event.username(), "signed in (" + words(event.method().name()) + ")", false));
    }

    void backFromHostedUi(@Observes SignInWithRedirect event) {
        add(new Entry(event.at(), event.username(), "came back from the hosted UI with state " + event.customState(),
                false));
    }

    void hostedUiFailed(@Observes SignInWithRedirectFailed event) {
        add(new Entry(event.at(), null, "hosted-UI sign-in failed: " + event.error(), true));
    }

    void signInFailed(@Observes SignInFailed event) {
        add(new Entry(event.at(), event.username(), "sign-in failed: " + event.error(), true));
    }

    void signedOut(@Observes SignedOut event) {
        add(new Entry(event.at(), event.username(),
                "signed out" + (event.global() ? " everywhere" : "") + " (" + words(event.reason().name()) + ")",
                false));
    }

    /** The newest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    private static String words(String constant) {
        return constant.toLowerCase().replace('_', ' ');
    }

    private synchronized void add(Entry entry) {
        entries.addFirst(entry);
        while (entries.size() > KEPT) {
            entries.removeLast();
        }
    }
}
