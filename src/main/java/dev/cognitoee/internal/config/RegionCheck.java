package dev.cognitoee.internal.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds settings that name another AWS region than the one the module calls, checked once at deployment: such a
 * configuration deploys, but every call then fails as though the pool, the client or the identity pool did not
 * exist. ({@code cognito.region} against the user pool id's prefix fails the deployment already, in
 * {@link CognitoConfigReader}.) Ids and host names that carry no region (an emulator's {@code local_abc},
 * {@code 127.0.0.1}) are not checked.
 */
public final class RegionCheck {

    private RegionCheck() {
    }

    /** One line per mismatch, naming the keys to make agree; empty when all agree. */
    public static List<String> mismatches(CognitoConfig config) {
        List<String> found = new ArrayList<>();
        String region = config.region();
        regionOfHost(config.endpoint()).filter(r -> !r.equals(region)).ifPresent(r -> found.add(
                Setting.ENDPOINT.key() + " " + config.endpoint() + " is in " + r + ", but " + Setting.REGION.key()
                        + " (the user pool's region) is " + region));
        if (config.identityPoolId() != null) {
            String identityPoolRegion = config.identityPoolId().substring(0, config.identityPoolId().indexOf(':'));
            String called = config.identityEndpoint() == null ? region
                    : regionOfHost(config.identityEndpoint()).orElse(null);
            if (isRegion(identityPoolRegion) && called != null && !called.equals(identityPoolRegion)) {
                found.add(Setting.IDENTITY_POOL_ID.key() + " " + config.identityPoolId() + " is in "
                        + identityPoolRegion + ", but the module calls Cognito Identity in " + called
                        + (config.identityEndpoint() == null ? " (" + Setting.REGION.key() + "); set "
                        + Setting.IDENTITY_ENDPOINT.key() + " to https://cognito-identity." + identityPoolRegion
                        + ".amazonaws.com" : " (" + Setting.IDENTITY_ENDPOINT.key() + ")"));
            }
        }
        issuerRegion(config.issuer()).filter(r -> !r.equals(region)).ifPresent(r -> found.add(
                Setting.ISSUER.key() + " " + config.issuer() + " is in " + r + ", but " + Setting.REGION.key()
                        + " is " + region + ": no token of the pool would match it"));
        regionOfHost(config.jwksUri()).filter(r -> !r.equals(region)).ifPresent(r -> found.add(
                Setting.JWKS_URI.key() + " " + config.jwksUri() + " is in " + r + ", but " + Setting.REGION.key()
                        + " is " + region + ": no token of the pool is signed by those keys"));
        return found;
    }

    private static Optional<String> issuerRegion(String issuer) {
        try {
            return issuer == null ? Optional.empty() : regionOfHost(URI.create(issuer));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The region an AWS host name names ({@code cognito-idp.eu-west-1.amazonaws.com}, a VPC endpoint's), if any. */
    static Optional<String> regionOfHost(URI uri) {
        String host = uri == null ? null : uri.getHost();
        if (host == null || !host.endsWith(".amazonaws.com")) {
            return Optional.empty();
        }
        for (String label : host.split("\\.")) {
            if (isRegion(label)) {
                return Optional.of(label);
            }
        }
        return Optional.empty();
    }

    private static boolean isRegion(String text) {
        return Setting.REGION_PATTERN.matcher(text).matches();
    }
}
