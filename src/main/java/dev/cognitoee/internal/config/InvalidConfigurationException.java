package dev.cognitoee.internal.config;

import java.util.List;

/**
 * The configuration cannot be used. The message lists every problem found, each naming the key to fix, so that
 * one failed deployment shows all of them.
 */
public class InvalidConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super("Cognito EE configuration is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming its key. */
    public List<String> problems() {
        return problems;
    }
}
