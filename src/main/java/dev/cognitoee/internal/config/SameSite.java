package dev.cognitoee.internal.config;

import java.util.Arrays;
import java.util.Optional;

/** The values of a cookie's {@code SameSite} attribute (RFC 6265bis), as the module writes them. */
public enum SameSite {
    /** Sent with top-level navigations from other sites, never with their POSTs, frames or fetches. */
    LAX("Lax"),
    /** Sent only with requests that start on this site. */
    STRICT("Strict"),
    /** Sent with every request, cross-site ones included; browsers accept it only on a {@code Secure} cookie. */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** The attribute's value as written in {@code Set-Cookie}, e.g. {@code Lax}. */
    public String attributeValue() {
        return attributeValue;
    }

    /** The value named {@code raw}, in any letter case, or empty if it names none. */
    public static Optional<SameSite> fromAttributeValue(String raw) {
        return Arrays.stream(values()).filter(v -> v.attributeValue.equalsIgnoreCase(raw.trim())).findFirst();
    }
}
