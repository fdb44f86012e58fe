package dev.cognitoee;

/**
 * Where Cognito sent a code.
 *
 * @param destination   the masked address, e.g. {@code a***@e***.com}
 * @param deliveryMedium {@code EMAIL} or {@code SMS}
 * @param attributeName the attribute the code is for, e.g. {@code email}
 */
public record CodeDeliveryDetails(String destination, String deliveryMedium, String attributeName) {
}
