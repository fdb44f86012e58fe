package dev.cognitoee.internal.oauth;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The sign-ins a browser has sent to the hosted UI, kept in its HTTP session: each is used at most once (taken out
 * by the first callback that names its {@code state}), expires after {@link #LIFETIME}, and there are at most
 * {@link #MAX} (a few tabs; the oldest is dropped), so that a script cannot grow a session without bound.
 */
final class PendingRedirects implements Serializable {

    static final String ATTRIBUTE = "dev.cognitoee.session.pendingRedirects";
    static final int MAX = 5;
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final long serialVersionUID = 1L;
    private static final Object CREATION = new Object();

    private final LinkedHashMap<String, PendingRedirect> byState = new LinkedHashMap<>();

    /** Remembers {@code pending} in {@code session}. */
    static void remember(HttpSession session, PendingRedirect pending, Instant now) {
        PendingRedirects all;
        synchronized (CREATION) { // two first sign-ins of one session at once must share one holder
            all = (PendingRedirects) session.getAttribute(ATTRIBUTE);
            if (all == null) {
                all = new PendingRedirects();
            }
            all.add(pending, now);
        }
        session.setAttribute(ATTRIBUTE, all); // written again on every change, for session replication
    }

    /** The pending sign-in of {@code state} in {@code session}, taken out of it; null if none is (still) there. */
    static PendingRedirect take(HttpSession session, String state, Instant now) {
        PendingRedirects all = (PendingRedirects) session.getAttribute(ATTRIBUTE);
        if (all == null) {
            return null;
        }
        int before = all.size();
        PendingRedirect pending = all.take(state, now);
        if (all.size() != before) {
            session.setAttribute(ATTRIBUTE, all); // written only when it changed, for session replication
        }
        return pending;
    }

    synchronized void add(PendingRedirect pending, Instant now) {
        dropExpired(now);
        byState.put(pending.state(), pending);
        Iterator<String> oldestFirst = byState.keySet().iterator();
        while (byState.size() > MAX) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }

    /** The pending sign-in of {@code state}, removed (single use); null when unknown, already used or expired. */
    synchronized PendingRedirect take(String state, Instant now) {
        PendingRedirect pending = state == null ? null : byState.remove(state);
        dropExpired(now);
        return pending == null || expired(pending, now) ? null : pending;
    }

    synchronized int size() {
        return byState.size();
    }

    private void dropExpired(Instant now) {
        byState.values().removeIf(pending -> expired(pending, now));
    }

    private static boolean expired(PendingRedirect pending, Instant now) {
        return !now.isBefore(pending.createdAt().plus(LIFETIME));
    }
}
