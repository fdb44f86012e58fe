package dev.cognitoee.internal.token;

import dev.cognitoee.internal.log.LogMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The default {@link RevocationList}: this node's memory, bounded. Lookups are lock-free; revocations (sign-outs,
 * rare next to requests) take a lock. Each entry lapses at its {@code until}, judged on the injected clock. When
 * the list is full, the entry that lapses soonest is dropped to make room (and a warning logged): it is the one
 * whose tokens have the least life left, so a full list gives up the least protection.
 */
public final class InMemoryRevocationList implements RevocationList {

    /** Room for 100 000 sign-outs within one token lifetime; an entry costs about 210 bytes (measured), 21 MB in all. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private static final Logger LOG = Logger.getLogger(InMemoryRevocationList.class.getName());

    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Instant> untilById = new ConcurrentHashMap<>();
    private final TreeSet<Entry> byUntil = new TreeSet<>(); // guarded by this
    private long evicted; // guarded by this

    public InMemoryRevocationList(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("A revocation list holds at least one entry");
        }
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public synchronized void revoke(String id, Instant until) {
        Instant now = clock.instant();
        if (!until.isAfter(now)) {
            return; // its tokens have expired already
        }
        dropLapsed(now);
        Instant previous = untilById.get(id);
        if (previous != null) {
            if (!until.isAfter(previous)) {
                return;
            }
            byUntil.remove(new Entry(previous, id));
        } else if (untilById.size() >= maxEntries) {
            Entry soonest = byUntil.pollFirst();
            untilById.remove(soonest.id());
            evicted++;
            if (evicted == 1 || evicted % 1000 == 0) {
                LogMessage.REVOCATION_LIST_FULL.log(LOG, "The revocation list is full ({0} entries): {1} revoked "
                        + "session(s) dropped before their tokens expired, soonest-expiring first", maxEntries, evicted);
            }
        }
        untilById.put(id, until);
        byUntil.add(new Entry(until, id));
    }

    @Override
    public boolean isRevoked(String id) {
        Instant until = untilById.get(id);
        return until != null && clock.instant().isBefore(until);
    }

    /** How many entries are held, lapsed ones included until the next revocation drops them. */
    int size() {
        return untilById.size();
    }

    private void dropLapsed(Instant now) {
        while (!byUntil.isEmpty() && !byUntil.first().until().isAfter(now)) {
            untilById.remove(byUntil.pollFirst().id());
        }
    }

    private record Entry(Instant until, String id) implements Comparable<Entry> {
        private static final Comparator<Entry> ORDER =
                Comparator.comparing(Entry::until).thenComparing(Entry::id);

        @Override
        public int compareTo(Entry other) {
            return ORDER.compare(this, other);
        }
    }
}
