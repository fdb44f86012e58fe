package dev.cognitoee.it.realaws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the opt-in real-AWS suite ({@link RealAwsChecks}) finds its pool: environment variables, one per Output of
 * the CloudFormation template {@code server-config/aws/cognito-ee.yaml} (its {@code RealAwsSuiteEnvironment} Output
 * lists them, filled in). The suite also needs AWS credentials of the account, found the AWS SDK's usual way, to
 * create its throwaway user and delete it afterwards.
 *
 * @param region         {@value #REGION}: the stack's region (Output {@code Region})
 * @param userPoolId     {@value #USER_POOL_ID}: Output {@code UserPoolId}
 * @param clientId       {@value #CLIENT_ID}: the password sign-in app client, Output {@code PasswordClientId}
 * @param identityPoolId {@value #IDENTITY_POOL_ID}: Output {@code IdentityPoolId}
 * @param bucket         {@value #BUCKET}: Output {@code BucketName}
 */
public record RealAwsSettings(String region, String userPoolId, String clientId, String identityPoolId,
                              String bucket) {

    public static final String REGION = "COGNITOEE_IT_AWS_REGION";
    public static final String USER_POOL_ID = "COGNITOEE_IT_AWS_USER_POOL_ID";
    public static final String CLIENT_ID = "COGNITOEE_IT_AWS_CLIENT_ID";
    public static final String IDENTITY_POOL_ID = "COGNITOEE_IT_AWS_IDENTITY_POOL_ID";
    public static final String BUCKET = "COGNITOEE_IT_AWS_BUCKET";
    /** Every variable the suite reads, in the order the template's Output lists them. */
    public static final List<String> VARIABLES = List.of(REGION, USER_POOL_ID, CLIENT_ID, IDENTITY_POOL_ID, BUCKET);
    /** Either names AWS credentials for the SDK's default chain (a profile, or keys). */
    public static final List<String> CREDENTIALS = List.of("AWS_PROFILE", "AWS_ACCESS_KEY_ID");

    /** The application setting of the suite's test WAR that names the bucket (not a module key). */
    public static final String BUCKET_SETTING = "realaws.s3-bucket";

    private static final Pattern REGION_FORMAT = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    /** The variables of {@link #VARIABLES} and {@link #CREDENTIALS} that {@code environment} lacks (blank counts as absent). */
    public static List<String> missing(Map<String, String> environment) {
        List<String> missing = new java.util.ArrayList<>(VARIABLES.stream()
                .filter(name -> isBlank(environment.get(name))).toList());
        if (CREDENTIALS.stream().allMatch(name -> isBlank(environment.get(name)))) {
            missing.add(String.join(" or ", CREDENTIALS));
        }
        return missing;
    }

    /** Why the suite does not run: the variables that are missing, and where their values come from. */
    public static String skipReason(List<String> missing) {
        return "The real-AWS suite needs a pool made by server-config/aws/cognito-ee.yaml; not set: "
                + String.join(", ", missing) + ". Export the stack's RealAwsSuiteEnvironment Output and AWS "
                + "credentials that may create users in the pool (README, \"Against real AWS\").";
    }

    /**
     * The settings in {@code environment}, which must have every variable ({@link #missing} is empty).
     *
     * @throws IllegalArgumentException naming the variable, when one is there but malformed (a value from another
     *                                  Output, another region)
     */
    public static RealAwsSettings from(Map<String, String> environment) {
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(skipReason(missing));
        }
        String region = environment.get(REGION).trim();
        String userPoolId = environment.get(USER_POOL_ID).trim();
        String identityPoolId = environment.get(IDENTITY_POOL_ID).trim();
        require(REGION_FORMAT.matcher(region).matches(), REGION, "is not an AWS region such as eu-west-1");
        require(userPoolId.startsWith(region + "_"), USER_POOL_ID, "is not a user pool id of " + region);
        require(identityPoolId.startsWith(region + ":"), IDENTITY_POOL_ID, "is not an identity pool id of " + region);
        return new RealAwsSettings(region, userPoolId, environment.get(CLIENT_ID).trim(), identityPoolId,
                environment.get(BUCKET).trim());
    }

    /** The suite's WAR's MicroProfile Config: the module's keys for this pool, and the bucket. */
    public Map<String, String> applicationSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cognito.region", region);
        settings.put("cognito.user-pool-id", userPoolId);
        settings.put("cognito.client-id", clientId);
        settings.put("cognito.identity-pool-id", identityPoolId);
        settings.put(BUCKET_SETTING, bucket);
        return settings;
    }

    private static void require(boolean condition, String variable, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(variable + " " + problem);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
