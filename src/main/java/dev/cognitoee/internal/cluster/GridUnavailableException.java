package dev.cognitoee.internal.cluster;

/**
 * The grid failed to answer (a JCache {@code CacheException}, a member lost mid-call): whoever asked must treat the
 * answer as unknown, never as "absent".
 */
public class GridUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GridUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
