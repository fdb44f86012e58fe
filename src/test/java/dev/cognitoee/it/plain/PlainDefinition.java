package dev.cognitoee.it.plain;

import dev.cognitoee.CognitoAuthenticationMechanismDefinition;

/**
 * The annotation on a class that is not a bean (no bean-defining annotation, and the WAR has no beans.xml): CDI
 * does not discover it, so the module stays off, and says so.
 */
@CognitoAuthenticationMechanismDefinition
public class PlainDefinition {
}
