package dev.cognitoee.internal.config;

import dev.cognitoee.internal.config.TrustedIssuer.Kind;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the issuers trusted besides the default pool: the named Cognito pools of {@code cognito.pools} and the
 * OIDC issuers of {@code cognito.oidc-issuers}, each with keys under {@code cognito.pool.<name>.} or
 * {@code cognito.oidc-issuer.<name>.}. These keys are made of names, so they exist in MicroProfile Config only
 * (the annotation has no attribute for them). Every problem is added to the caller's list, naming its exact key.
 */
final class TrustedIssuersReader {

    static final String POOLS = "cognito.pools";
    static final String OIDC_ISSUERS = "cognito.oidc-issuers";
    static final String POOL_PREFIX = "cognito.pool.";
    static final String OIDC_PREFIX = "cognito.oidc-issuer.";

    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> POOL_KEYS = Set.of("user-pool-id", "region", "client-id", "issuer", "jwks-uri",
            "token-use", "groups-claim", "caller-name-claim", "role-mapping");
    private static final Set<String> OIDC_KEYS = Set.of("issuer", "jwks-uri", "audience", "groups-claim",
            "caller-name-claim", "role-mapping");
    private static final Parser<List<String>> AUDIENCES = Values.list(Values.text(), "lists no audience");

    private final Function<String, Optional<String>> settings;
    private final List<String> problems;

    private TrustedIssuersReader(Function<String, Optional<String>> settings, List<String> problems) {
        this.settings = settings;
        this.problems = problems;
    }

    /**
     * The issuers trusted besides the default pool, in the order configured.
     *
     * @param settings      the raw value of each key, if set (blank counts as unset)
     * @param keyNames      every key configured, to find keys of names that are not listed, and misspelt keys
     * @param defaultIssuer the default pool's issuer, which no other may claim; null if it is misconfigured
     * @param problems      where each problem is added
     */
    static List<TrustedIssuer> read(Function<String, Optional<String>> settings, Iterable<String> keyNames,
                                    String defaultIssuer, List<String> problems) {
        return new TrustedIssuersReader(settings, problems).read(keyNames, defaultIssuer);
    }

    private List<TrustedIssuer> read(Iterable<String> keyNames, String defaultIssuer) {
        List<String> pools = names(POOLS, Set.of());
        List<String> oidc = names(OIDC_ISSUERS, Set.copyOf(pools));
        unknownKeys(keyNames, POOL_PREFIX, POOLS, pools, POOL_KEYS);
        unknownKeys(keyNames, OIDC_PREFIX, OIDC_ISSUERS, oidc, OIDC_KEYS);

        List<TrustedIssuer> issuers = new ArrayList<>();
        pools.forEach(name -> Optional.ofNullable(pool(name)).ifPresent(issuers::add));
        oidc.forEach(name -> Optional.ofNullable(oidcIssuer(name)).ifPresent(issuers::add));
        sameIssuerTwice(defaultIssuer, issuers);
        return issuers;
    }

    /** The names listed in {@code key}: each well-formed, not {@code default}, once, and not one of {@code taken}. */
    private List<String> names(String key, Set<String> taken) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : raw(key).map(v -> v.split(",")).orElse(new String[0])) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add(key + " '" + name + "' is not a name (lower-case letters, digits and '-' only)");
            } else if (name.equals(TrustedIssuer.DEFAULT_POOL)) {
                problems.add(key + " '" + name + "' is reserved for the pool of the single-pool keys "
                        + "(cognito.user-pool-id...)");
            } else if (taken.contains(name)) {
                problems.add(key + " '" + name + "' is also listed in " + POOLS + ": each name may be used once");
            } else if (!names.add(name)) {
                problems.add(key + " lists '" + name + "' twice");
            }
        }
        return List.copyOf(names);
    }

    /** Keys under {@code prefix} of a name {@code listKey} does not list, or that no issuer has (a typo). */
    private void unknownKeys(Iterable<String> keyNames, String prefix, String listKey, List<String> names,
                             Set<String> known) {
        for (String key : keyNames) {
            if (!key.startsWith(prefix) || raw(key).isEmpty()) {
                continue;
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            if (!names.contains(name)) {
                problems.add(key + " is set, but '" + name + "' is not listed in " + listKey);
            } else if (!known.contains(rest.substring(dot + 1))) {
                problems.add(key + " is not a setting (known: " + String.join(", ", new TreeSet<>(known))
                        + ")");
            }
        }
    }

    private TrustedIssuer pool(String name) {
        String prefix = POOL_PREFIX + name + ".";
        int before = problems.size();
        String userPoolId = required(prefix + "user-pool-id", Setting.USER_POOL_ID.parser(), POOLS, name);
        List<String> clientIds = required(prefix + "client-id", Setting.CLIENT_ID.parser(), POOLS, name);
        String region = region(prefix, userPoolId);
        TokenUse tokenUse = optional(prefix + "token-use", Setting.TOKEN_USE.parser(), TokenUse.ACCESS);
        String issuer = optional(prefix + "issuer", Setting.ISSUER.parser(),
                "https://cognito-idp." + region + ".amazonaws.com/" + userPoolId);
        URI jwksUri = optional(prefix + "jwks-uri", Setting.JWKS_URI.parser(), null);
        if (jwksUri == null && issuer != null && raw(prefix + "jwks-uri").isEmpty()) {
            jwksUri = parse(prefix + "jwks-uri", issuer + "/.well-known/jwks.json", Values.keysUrl());
        }
        String groupsClaim = optional(prefix + "groups-claim", Values.text(), "cognito:groups");
        String callerNameClaim = optional(prefix + "caller-name-claim", Values.text(),
                tokenUse == TokenUse.ID ? "cognito:username" : "username");
        RoleMapping roles = optional(prefix + "role-mapping", RoleMappingParser.INSTANCE,
                RoleMapping.GROUPS_ARE_ROLES);
        return problems.size() > before ? null : new TrustedIssuer(name, Kind.COGNITO_POOL, issuer, jwksUri,
                tokenUse, clientIds, groupsClaim, callerNameClaim, roles);
    }

    private TrustedIssuer oidcIssuer(String name) {
        String prefix = OIDC_PREFIX + name + ".";
        int before = problems.size();
        // An issuer is compared as written; it must be https (http for a loopback emulator) like the keys' URL.
        URI issuerUrl = required(prefix + "issuer", Values.keysUrl(), OIDC_ISSUERS, name);
        URI jwksUri = required(prefix + "jwks-uri", Values.keysUrl(), OIDC_ISSUERS, name);
        List<String> audiences = required(prefix + "audience", AUDIENCES, OIDC_ISSUERS, name);
        String groupsClaim = optional(prefix + "groups-claim", Values.text(), "groups");
        String callerNameClaim = optional(prefix + "caller-name-claim", Values.text(), "sub");
        RoleMapping roles = optional(prefix + "role-mapping", RoleMappingParser.INSTANCE,
                RoleMapping.GROUPS_ARE_ROLES);
        return problems.size() > before ? null : new TrustedIssuer(name, Kind.OIDC,
                raw(prefix + "issuer").orElseThrow(), jwksUri, null, audiences, groupsClaim, callerNameClaim, roles);
    }

    /** The region of a named pool: as configured, else the pool id's prefix; the two must agree. */
    private String region(String prefix, String userPoolId) {
        String poolRegion = userPoolId == null ? null : userPoolId.substring(0, userPoolId.indexOf('_'));
        if (poolRegion != null && !Setting.REGION_PATTERN.matcher(poolRegion).matches()) {
            poolRegion = null;
        }
        String region = optional(prefix + "region", Setting.REGION.parser(), null);
        if (region == null) {
            if (poolRegion == null && userPoolId != null && raw(prefix + "region").isEmpty()) {
                problems.add(prefix + "region is missing (it cannot be read from the user pool id '" + userPoolId
                        + "')");
            }
            return poolRegion;
        }
        if (poolRegion != null && !poolRegion.equals(region)) {
            problems.add(prefix + "region '" + region + "' does not match the region of " + prefix
                    + "user-pool-id '" + userPoolId + "'");
        }
        return region;
    }

    /** Each issuer once: two entries with one {@code iss} would make the choice of rules a guess. */
    private void sameIssuerTwice(String defaultIssuer, List<TrustedIssuer> issuers) {
        Map<String, String> owners = new LinkedHashMap<>();
        if (defaultIssuer != null) {
            owners.put(defaultIssuer, TrustedIssuer.DEFAULT_POOL);
        }
        for (TrustedIssuer issuer : issuers) {
            String owner = owners.putIfAbsent(issuer.issuer(), issuer.name());
            if (owner != null) {
                String prefix = issuer.kind() == Kind.OIDC ? OIDC_PREFIX : POOL_PREFIX;
                problems.add(prefix + issuer.name() + ".issuer '" + issuer.issuer() + "' is already the issuer of '"
                        + owner + "': each issuer may be trusted once");
            }
        }
    }

    private <T> T required(String key, Parser<T> parser, String listKey, String name) {
        Optional<String> raw = raw(key);
        if (raw.isEmpty()) {
            problems.add(key + " is missing ('" + name + "' is listed in " + listKey + ")");
            return null;
        }
        return parse(key, raw.get(), parser);
    }

    private <T> T optional(String key, Parser<T> parser, T otherwise) {
        Optional<String> raw = raw(key);
        return raw.isEmpty() ? otherwise : parse(key, raw.get(), parser);
    }

    private <T> T parse(String key, String raw, Parser<T> parser) {
        return parser.parse(raw, (part, reason) -> problems.add(key + " '" + part + "' " + reason));
    }

    private Optional<String> raw(String key) {
        return settings.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
