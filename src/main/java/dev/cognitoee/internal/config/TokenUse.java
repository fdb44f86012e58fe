package dev.cognitoee.internal.config;

import java.util.Optional;

/** The two kinds of token a Cognito user pool issues, as named by their {@code token_use} claim. */
public enum TokenUse {
    ACCESS("access"),
    ID("id");

    private final String claimValue;

    TokenUse(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The value of the {@code token_use} claim for this kind of token. */
    public String claimValue() {
        return claimValue;
    }

    /** The token use whose claim value is {@code value}, if any. */
    public static Optional<TokenUse> fromClaimValue(String value) {
        for (TokenUse use : values()) {
            if (use.claimValue.equals(value)) {
                return Optional.of(use);
            }
        }
        return Optional.empty();
    }
}
