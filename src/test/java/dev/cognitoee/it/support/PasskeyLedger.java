package dev.cognitoee.it.support;

import com.webauthn4j.credential.CredentialRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The passkeys {@link PasskeyStandIn} keeps: per user (by {@code sub}), in the order they were registered. */
final class PasskeyLedger {

    /**
     * One registered passkey: its id (base64url), owner, what ListWebAuthnCredentials shows, and webauthn4j's record
     * (public key, sign count) to check assertions with.
     */
    record Passkey(String credentialId, String sub, String username, String friendlyName, String relyingPartyId,
                   String attachment, List<String> transports, Instant createdAt, CredentialRecord record) {
    }

    private final Map<String, List<Passkey>> bySub = new ConcurrentHashMap<>();
    private final Map<String, String> subByUsername = new ConcurrentHashMap<>();

    /** Adds {@code passkey}; false when a passkey with its id exists already (for anyone). */
    synchronized boolean add(Passkey passkey) {
        if (find(passkey.credentialId()).isPresent()) {
            return false;
        }
        bySub.computeIfAbsent(passkey.sub(), sub -> new ArrayList<>()).add(passkey);
        subByUsername.put(passkey.username(), passkey.sub());
        return true;
    }

    synchronized List<Passkey> of(String sub) {
        return List.copyOf(bySub.getOrDefault(sub, List.of()));
    }

    synchronized List<Passkey> ofUsername(String username) {
        String sub = subByUsername.get(username);
        return sub == null ? List.of() : of(sub);
    }

    /** Removes the passkey {@code credentialId} of {@code sub}; false when {@code sub} has none such. */
    synchronized boolean remove(String sub, String credentialId) {
        List<Passkey> passkeys = bySub.get(sub);
        return passkeys != null && passkeys.removeIf(p -> p.credentialId().equals(credentialId));
    }

    synchronized Optional<Passkey> find(String credentialId) {
        return bySub.values().stream().flatMap(Collection::stream)
                .filter(p -> p.credentialId().equals(credentialId)).findFirst();
    }
}
